/** What the gate decided: read by the gate step, the outputs and the summary. */

export interface GateDecision {
  /**
   * The new version keeps serving this stage (promote) or is taken back (rollback); `hold`: deployed and
   * left unjudged for a later job's gate (input hold).
   */
  readonly action: 'promote' | 'rollback' | 'hold'
  /** The next stage's job may run. */
  readonly promote: boolean
  readonly approval: 'required' | 'none'
  /** The job fails (per the fail-on input). */
  readonly failJob: boolean
  /** The decision in one line, for the summary and the log. */
  readonly headline: string
}
