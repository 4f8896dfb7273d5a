// The test build's app: asks the API on its own origin and shows the answer.
fetch("/api/v1/utils/health-check/").then(r => r.json()).then(ok => {
  document.getElementById("root").textContent = "api says " + ok + " at " + location.pathname;
});
