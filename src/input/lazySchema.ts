/**
 * A value built on first use: a Proxy that builds the real object (a zod schema) the first
 * time any property is read, then forwards every operation to it. Exported schemas are made
 * this way so that importing the library builds none of them, and a bundle that never
 * touches a schema leaves zod out. `schema.parse(…)`, `.shape`, `z.infer<typeof schema>`
 * and use inside other schemas all work as on the real schema.
 *
 * @example
 * const Point = lazySchema(() => z.object({ x: z.number() }));
 * Point.parse({ x: 1 }) //=> { x: 1 } (the schema is built here)
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
