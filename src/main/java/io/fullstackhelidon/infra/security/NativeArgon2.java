package io.fullstackhelidon.infra.security;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_type;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import de.mkammerer.argon2.jna.Size_t;

/**
 * Raw argon2 through the reference C library's {@code argon2_ctx}, with two choices its encoded-string functions do
 * not offer. The lanes run on the calling thread: the digest depends on the lanes, not on the threads computing them,
 * and threads of their own cost a quarter more CPU per hash. The memory matrix is handed to argon2 from matrices kept
 * for the next computation: a fresh 64 MiB per hash is 16,384 page faults, the kernel's zeroing and an unmapping, as
 * much CPU again as the hash itself (docs/benchmarks.md). argon2 wipes the matrix before handing it back.
 * At most as many matrices exist as computations ran at once; a cost larger than the kept size gets argon2's own.
 */
final class NativeArgon2 {

    static final int ARGON2_OK = 0;
    static final int ARGON2_MEMORY_ALLOCATION_ERROR = -22;
    private static final int ARGON2_FLAG_CLEAR_PASSWORD = 1;

    private final long matrixBytes;
    private final Queue<Matrix> idle = new ConcurrentLinkedQueue<>();

    /** Keeps matrices for costs up to {@code memoryKib}. */
    NativeArgon2(int memoryKib) {
        this.matrixBytes = memoryKib * 1024L;
    }

    /** argon2's allocator callback: {@code uint8_t **memory, size_t bytes}. */
    public interface Allocate extends Callback {
        int invoke(Pointer memory, Size_t bytes);
    }

    /** argon2's deallocator callback: {@code uint8_t *memory, size_t bytes}. */
    public interface Release extends Callback {
        void invoke(Pointer memory, Size_t bytes);
    }

    /** A kept matrix with its callbacks, which must stay reachable while argon2 may call them. */
    private static final class Matrix {

        private final Memory memory;
        private final Allocate allocate;
        private final Release release = (pointer, bytes) -> { };

        Matrix(long bytes) {
            this.memory = new Memory(bytes);
            this.allocate = (pointer, wanted) -> {
                if (wanted.longValue() > memory.size()) {
                    return ARGON2_MEMORY_ALLOCATION_ERROR;
                }
                pointer.setPointer(0, memory);
                return ARGON2_OK;
            };
        }
    }

    /**
     * Computes the digest of {@code password} with the parameters of {@code parameters} (its digest only gives the
     * length) into a new array; answers argon2's result code and the digest, which is empty unless the code is OK.
     */
    Result compute(Argon2Hash parameters, byte[] password) {
        Memory out = new Memory(parameters.digest().length);
        Memory pwd = new Memory(Math.max(1, password.length));
        Memory salt = new Memory(Math.max(1, parameters.salt().length));
        pwd.write(0, password, 0, password.length);
        salt.write(0, parameters.salt(), 0, parameters.salt().length);
        Argon2_context.ByReference context = new Argon2_context.ByReference();
        context.out = out;
        context.outlen = new JnaUint32(parameters.digest().length);
        context.pwd = pwd;
        context.pwdlen = new JnaUint32(password.length);
        context.salt = salt;
        context.saltlen = new JnaUint32(parameters.salt().length);
        context.secretlen = new JnaUint32(0);
        context.adlen = new JnaUint32(0);
        context.t_cost = new JnaUint32((int) parameters.iterations());
        context.m_cost = new JnaUint32((int) parameters.memoryKib());
        context.lanes = new JnaUint32((int) parameters.lanes());
        context.threads = new JnaUint32(1);
        context.version = new Argon2_version(parameters.version());
        context.flags = new JnaUint32(ARGON2_FLAG_CLEAR_PASSWORD);
        // argon2 raises a cost below 8 blocks per lane to that
        long bytes = Math.max(parameters.memoryKib(), 8 * parameters.lanes()) * 1024;
        Matrix matrix = bytes <= matrixBytes ? take() : null;
        if (matrix != null) {
            context.allocate_cbk = CallbackReference.getFunctionPointer(matrix.allocate);
            context.free_cbk = CallbackReference.getFunctionPointer(matrix.release);
        }
        try {
            int code = Argon2Library.INSTANCE.argon2_ctx(context, new Argon2_type(parameters.type()));
            return new Result(code, code == ARGON2_OK ? out.getByteArray(0, parameters.digest().length) : new byte[0]);
        } finally {
            if (matrix != null) {
                idle.add(matrix);
            }
            pwd.clear();
            out.clear();
        }
    }

    /** argon2's text for a result code. */
    static String message(int code) {
        return Argon2Library.INSTANCE.argon2_error_message(code);
    }

    private Matrix take() {
        Matrix kept = idle.poll();
        return kept != null ? kept : new Matrix(matrixBytes);
    }

    /**
     * argon2's result.
     *
     * @param code   its result code, {@link #ARGON2_OK} or an error
     * @param digest the digest when OK
     */
    record Result(int code, byte[] digest) {
    }
}
