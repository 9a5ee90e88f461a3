/** The scan result does not hold together (a member names a report or paragraph that is not there). */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
}
