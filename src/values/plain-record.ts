/**
 * Plain records made by a constructor (记录构造): objects no reader can tell from the literal
 * `{ a, b }` (prototype Object.prototype, so `constructor` is Object; own enumerable properties in
 * the order the constructor writes them), for the objects made once per cell or row of a big
 * ledger (issue 14).
 *
 * Why not the literal: V8 tracks where each object literal is made (an allocation site) and, once
 * most objects of a site outlive a minor GC (every row of typed rows does), decides to make them
 * in the old generation directly; that decision throws away the optimised code that makes them
 * (typeRows, the ID parser), so a 100,000-row roster ran a few thousand rows in the interpreter
 * again, mid-way (measured: a deoptimisation at ~16,000 rows, 50–130 ms lost). Objects made by a
 * constructor have no allocation site and never trigger it; V8 also sizes them to the properties
 * the constructor writes (in-object slack tracking). Source: V8 src/heap/pretenuring-handler.cc
 * (a changed decision marks the dependent code for deoptimisation); seen with `node --trace-deopt`
 * as "marking dependent code … reason: code dependencies" right after a scavenge.
 */

/**
 * `init` (a `function` expression that writes the fields to `this`, in order) as a constructor of
 * plain records. Each call gives a constructor of its own (its own object shape).
 */
export function plainRecord<A extends unknown[], T>(init: (this: Record<string, unknown>, ...args: A) => void): new (...args: A) => T {
  const make = init as unknown as { prototype: object };
  make.prototype = Object.prototype;
  return make as unknown as new (...args: A) => T;
}
