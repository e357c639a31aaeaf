import { RetentionOptionsError } from "./errors";
import { describeValue, isPlainObject } from "./describeValue";

/**
 * The options object a public function was given: `{}` when it was omitted (`undefined`), the
 * object itself when it is one, and a `RetentionOptionsError` (option `"options"`) naming the
 * function for `null`, numbers, strings, booleans, arrays, functions, Maps, Sets and other
 * class instances. Every exported function that takes options reads them through here first,
 * so none fails with a `TypeError`.
 * Functions with required options go on to check those fields themselves.
 *
 * @param options - what the caller passed
 * @param functionName - the public function, for the message
 * @example
 * readOptions(undefined, "nps") //=> {}
 * readOptions(null, "nps") // throws RetentionOptionsError "options: nps expects an options object, found null"
 */
export function readOptions<T extends object>(options: T | null | undefined, functionName: string): T {
  if (options === undefined) return {} as T;
  if (!isPlainObject(options)) {
    throw new RetentionOptionsError("options", `${functionName} expects an options object, found ${describeValue(options)}`);
  }
  return options as T;
}
