/** Instances kept for as long as the program runs (see `keepHiddenClass`). */
const kept: object[] = [];

/**
 * Keeps `instance` for as long as the program runs, and with it the hidden class V8 gave it.
 * V8 keeps a class's hidden class only while some instance has it: once a full GC had collected
 * the last ledger's `CustomerRegistry`, the compiled code that checks for that hidden class was
 * thrown away, and each later build ran its million-row loops in the interpreter again (1M
 * Arrow rows of 99k customers: 100–200 ms to register the ids, 46–59 ms with an instance kept).
 *
 * @example
 * keepHiddenClass(new CustomerRegistry()); // at the module's top, after the class
 */
export function keepHiddenClass(instance: object): void {
  kept.push(instance);
}
