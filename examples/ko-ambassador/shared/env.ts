/**
 * Why this file exists: a container reads every setting from its environment (the manifest is the
 * one place a value lives). A student who gets two variables wrong should learn both from one
 * failed start, not one per restart: so each check notes its problem and goes on, and one error
 * naming them all is thrown at the end.
 */
export type Env = Record<string, string | undefined>;

export type EnvReader = ReturnType<typeof reader>;

/** Runs `use` with a reader of `env`, then throws one error naming every variable that is missing or wrong. */
export function readEnv<T>(env: Env, use: (read: EnvReader) => T): T {
  const problems: string[] = [];
  const value = use(reader(env, problems));
  if (problems.length > 0) throw new Error(`bad environment: ${problems.join('; ')}`);
  return value;
}

function reader(env: Env, problems: string[]) {
  const text = (name: string): string => {
    const value = env[name];
    // Blank counts as unset: spaces alone are a slip in the manifest, never a value.
    if (value === undefined || value.trim() === '') {
      problems.push(`${name} is not set`);
      return '';
    }
    return value;
  };
  const integer = (name: string, min: number, max: number): number => {
    const value = text(name);
    const number = Number(value);
    if (value !== '' && (!/^\d+$/.test(value) || number < min || number > max)) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    }
    return number;
  };
  return {
    text,
    integer,
    /** `fallback` when the variable is not there at all; checked like integer() when it is. */
    integerOr(name: string, fallback: number, min: number, max: number): number {
      return env[name] === undefined ? fallback : integer(name, min, max);
    },
    /** For a container's own checks: reported with the others. */
    problem(message: string): void {
      problems.push(message);
    },
  };
}
