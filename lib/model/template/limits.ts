import { TemplateError } from './errors';

/** Deeper than this, a template is refused: no real template nests a tenth as deep, and the builder recurses. */
export const MAX_DEPTH = 1000;

/**
 * More values than this once YAML aliases are expanded, and a template is refused (an alias bomb: a few
 * lines whose aliases multiply to billions of values). A 1 MB template, CloudFormation's limit, has far fewer.
 */
export const MAX_EXPANDED_VALUES = 5_000_000;

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function pathText(path: readonly (string | number)[]): string {
  const shown =
    path.length > 8 ? [...path.slice(0, 6), `… (${path.length - 7} more levels)`, path[path.length - 1]] : path;
  return shown.join('.');
}

interface Frame {
  readonly value: Container;
  /** The object's keys; undefined for a list, whose children are read by index. */
  readonly keys: string[] | undefined;
  readonly length: number;
  next: number;
}

function frameOf(value: Container): Frame {
  const keys = Array.isArray(value) ? undefined : Object.keys(value);
  return { value, keys, length: keys ? keys.length : (value as unknown[]).length, next: 0 };
}

/** The keys from the top of the template down to the child the deepest frame is visiting. */
function pathOf(stack: readonly Frame[], depth = stack.length): (string | number)[] {
  return stack.slice(0, depth).map((f) => (f.keys ? f.keys[f.next - 1] : f.next - 1));
}

/**
 * Refuse a parsed template that the builder could not walk safely: a value that contains itself (a YAML
 * self-alias), nesting deeper than MAX_DEPTH, or aliases that expand to more than MAX_EXPANDED_VALUES.
 * One walk of the template as the builder sees it (aliases expanded), stopped at either bound; a value
 * that contains itself nests without end, so it is told apart from deep nesting once the depth bound is hit.
 * @throws TemplateError E_TEMPLATE_CYCLE, E_TEMPLATE_TOO_DEEP, E_TEMPLATE_TOO_LARGE, naming the file and path.
 */
export function checkTemplateShape(template: unknown, file?: string): void {
  if (!isContainer(template)) return;
  const stack: Frame[] = [frameOf(template)];
  let values = 1;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.length) {
      stack.pop();
      continue;
    }
    const index = frame.next++;
    const child = frame.keys
      ? (frame.value as Record<string, unknown>)[frame.keys[index]]
      : (frame.value as unknown[])[index];
    if (++values > MAX_EXPANDED_VALUES) {
      throw new TemplateError(
        'E_TEMPLATE_TOO_LARGE',
        `the template expands to more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values at ${pathText(pathOf(stack))} (YAML aliases that multiply: an alias bomb?)`,
        'write the repeated values out, or use fewer nested aliases',
        file,
      );
    }
    if (!isContainer(child)) continue;
    if (stack.length >= MAX_DEPTH) throw tooDeepOrCycle(stack, child, file);
    stack.push(frameOf(child));
  }
}

function tooDeepOrCycle(stack: readonly Frame[], child: Container, file: string | undefined): TemplateError {
  const open = new Set<Container>();
  for (let depth = 0; depth <= stack.length; depth++) {
    const value = depth < stack.length ? stack[depth].value : child;
    if (open.has(value)) {
      return new TemplateError(
        'E_TEMPLATE_CYCLE',
        `the value at ${pathText(pathOf(stack, depth))} contains itself (a YAML alias inside the anchor it refers to)`,
        'replace the alias with the value it should have; a CloudFormation template is a tree',
        file,
      );
    }
    open.add(value);
  }
  return new TemplateError(
    'E_TEMPLATE_TOO_DEEP',
    `the template nests more than ${MAX_DEPTH} levels deep at ${pathText(pathOf(stack))}`,
    `flatten the value: no CloudFormation property needs ${MAX_DEPTH} levels`,
    file,
  );
}
