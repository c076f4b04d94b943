/**
 * Prints one closing line that any CI log reader understands, after jest's own summary:
 * `jest: N passed, N failed` (and `, N skipped` when some were).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    let line = `jest: ${results.numPassedTests} passed, ${failed} failed`;
    if (skipped > 0) line += `, ${skipped} skipped`;
    process.stdout.write(`${line}\n`);
  }
}
module.exports = SummaryReporter;
