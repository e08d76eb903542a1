import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import { metadata } from '../plugin-api/decorators.js';

type Ctor = new (...args: never[]) => object;

/** The class whose constructor actually takes the parameters (a subclass may inherit it). */
function declaringClass(ctor: Ctor): Ctor {
  let c: Ctor | null = ctor;
  while (c && c.length === 0 && metadata.injections(c).length === 0) {
    const parent = Object.getPrototypeOf(c) as Ctor | null;
    if (!parent || parent === Function.prototype) return ctor;
    c = parent;
  }
  return c ?? ctor;
}

/**
 * Why a class cannot be constructed by the host: the 1-based positions of constructor parameters
 * without `@inject(token)`, named for the author. Empty when every parameter has a token.
 */
export function injectionProblems(ctor: Ctor): string[] {
  const declaring = declaringClass(ctor);
  const tokens = metadata.injections(declaring);
  const arity = Math.max(declaring.length, tokens.length);
  const problems: string[] = [];
  for (let i = 0; i < arity; i++) {
    if (tokens[i] === undefined)
      problems.push(
        `${ctor.name}: constructor parameter ${i + 1} has no @inject(token) — add one, e.g. @inject(coreServices.http) or @inject(MyService)`,
      );
  }
  return problems;
}

/**
 * Constructs a plugin class from its `@inject` tokens, resolved in `container`. It does not rely
 * on the DI library's own type registry, so a plugin that carries its own copy of core (and of
 * tsyringe) is constructed all the same.
 */
export function construct<T extends object>(container: DependencyContainer, ctor: new (...args: never[]) => T): T {
  const problems = injectionProblems(ctor);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const declaring = declaringClass(ctor);
  const tokens = metadata.injections(declaring);
  const args = Array.from({ length: Math.max(declaring.length, tokens.length) }, (_, i) =>
    container.resolve(tokens[i] as never),
  );
  return new (ctor as unknown as new (...a: unknown[]) => T)(...args);
}

/** Registers a class (under itself or a token) as a singleton the host constructs with {@link construct}. */
export function registerClass(container: DependencyContainer, token: unknown, ctor: Ctor): void {
  container.register(token as never, { useFactory: instanceCachingFactory((c) => construct(c, ctor)) });
}
