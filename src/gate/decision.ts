/** The gate's rules, pure: from a result and the stage's approval strategy to what happens next. */
import type { FailOn } from '../contracts/config.js'
import type { Result } from '../contracts/evaluation.js'
import type { GateDecision } from '../contracts/gate.js'
import type { Approval } from '../contracts/plan.js'

/** What the gate saw: an evaluated result, a test verdict without SLO, or a stage with neither. */
export type GateInput =
  | {
      readonly kind: 'evaluated'
      readonly result: Result
      /** Set when the evaluation scored nothing (see scoring/unscored.ts): the headline says so. */
      readonly unscored?: string
    }
  | { readonly kind: 'tested'; readonly verdict: 'pass' | 'fail' }
  | { readonly kind: 'rollout-only' }

export interface GateRules {
  readonly approval: { readonly pass: Approval; readonly warning: Approval }
  readonly failOn: FailOn
  readonly nextStage?: string
}

export function decideGate(input: GateInput, rules: GateRules): GateDecision {
  const next = rules.nextStage ? `promoted to ${rules.nextStage}` : 'released (last stage)'
  if (input.kind === 'rollout-only') {
    return {
      action: 'promote',
      promote: true,
      approval: 'none',
      failJob: false,
      headline: `No tests and no SLO: healthy rollout, ${next}`
    }
  }
  const result = input.kind === 'evaluated' ? input.result : input.verdict
  const unscored = input.kind === 'evaluated' ? input.unscored : undefined
  const what = input.kind === 'evaluated' ? 'Quality gate' : 'Tests (no SLO)'
  if (unscored !== undefined) return unscoredDecision(result, unscored, rules, next)
  const failJob =
    rules.failOn === 'warning' ? result !== 'pass' : rules.failOn === 'fail' && result === 'fail'
  if (result === 'fail') {
    return {
      action: 'rollback',
      promote: false,
      approval: 'none',
      failJob,
      headline: `${what} failed: rolled back`
    }
  }
  const manual = rules.approval[result] === 'manual' && rules.nextStage !== undefined
  return {
    action: 'promote',
    promote: !manual,
    approval: manual ? 'required' : 'none',
    failJob,
    headline: manual
      ? `${what} ${result}: waiting for a manual approval before ${rules.nextStage}`
      : `${what} ${result}: ${next}`
  }
}

/** The same rules, with a headline that says first that nothing was scored. */
function unscoredDecision(result: Result, unscored: string, rules: GateRules, next: string): GateDecision {
  const decision = decideGate({ kind: 'evaluated', result }, rules)
  const said =
    result === 'fail' ? `Quality gate failed (${unscored})` : `Quality gate ${result}, but ${unscored}`
  const then =
    decision.action === 'rollback'
      ? 'rolled back'
      : decision.approval === 'required'
        ? `waiting for a manual approval before ${rules.nextStage ?? ''}`
        : next
  return { ...decision, headline: `${said}: ${then}` }
}
