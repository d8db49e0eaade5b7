// Freezing data shared between analyses, so that no reader of one can change it for the next.

/** Freezes a value and everything it holds (an object already frozen is taken as frozen through). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
