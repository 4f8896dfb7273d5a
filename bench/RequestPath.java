import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a recording of {@code jdk.MethodTrace} events (bench/request-path.sh) and prints the way of the request made
 * between two instants: our classes in the order the request first entered them, how many, and how often the way
 * changed package. Run as a source file: {@code java bench/RequestPath.java FILE START_NANOS END_NANOS}.
 */
public final class RequestPath {

    private record Call(Instant start, String type) {
    }

    public static void main(String[] args) throws Exception {
        Instant from = instant(Long.parseLong(args[1]));
        Instant to = instant(Long.parseLong(args[2]));
        List<Call> calls = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getEventType().getName().equals("jdk.MethodTrace")
                && !event.getStartTime().isBefore(from) && event.getStartTime().isBefore(to)) {
                String type = event.getValue("method.type.name");
                calls.add(new Call(event.getStartTime(), type.replace('/', '.').replaceAll("\\$.*", "")));
            }
        }
        calls.sort(Comparator.comparing(Call::start));
        Set<String> classes = new LinkedHashSet<>();
        List<String> packages = new ArrayList<>();
        for (Call call : calls) {
            classes.add(call.type());
            String pkg = packageOf(call.type());
            if (packages.isEmpty() || !packages.getLast().equals(pkg)) {
                packages.add(pkg);
            }
        }
        System.out.println("calls into our classes: " + calls.size());
        System.out.println("classes, in the order first entered (" + classes.size() + "):");
        classes.forEach(name -> System.out.println("  " + name.replace("io.fullstackhelidon.", "")));
        List<String> firstEntered = classes.stream().map(RequestPath::packageOf).toList();
        long newPackageSteps = java.util.stream.IntStream.range(1, firstEntered.size())
                .filter(i -> !firstEntered.get(i).equals(firstEntered.get(i - 1))).count();
        System.out.println("package changes between classes in the order first entered: " + newPackageSteps);
        System.out.println("packages along the way, every call (" + (packages.size() - 1) + " changes):");
        System.out.println("  " + String.join(" > ", packages.stream()
                .map(name -> name.equals("io.fullstackhelidon") ? "(root)" : name.replace("io.fullstackhelidon.", ""))
                .toList()));
    }

    private static String packageOf(String type) {
        return type.substring(0, type.lastIndexOf('.'));
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }
}
