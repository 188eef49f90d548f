/**
 * Reverse-mode automatic differentiation.
 *
 * Every op computes its forward value eagerly and, when gradients are wanted, attaches a
 * closure that adds its output's gradient into its inputs' gradients. `backward(loss)` walks
 * the graph in reverse topological order once. Inference paths run inside `noGrad` so that no
 * closures or parent links are kept (the app traces models, it never trains them there).
 */
import { Tensor, type Shape } from './tensor.ts';

let gradEnabled = true;

/** Whether ops currently record the graph. */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Runs fn with graph recording switched off (inference), restoring the mode afterwards. */
export function noGrad<T>(fn: () => T): T {
  const before = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = before;
  }
}

/**
 * The gradient buffer of t, created as zeros on first use. Ops call this in their backward
 * closures only for parents that require grad.
 */
export function gradOf(t: Tensor): Float32Array {
  if (t.grad === null) t.grad = new Float32Array(t.size);
  return t.grad;
}

/**
 * Wraps a forward result as a tensor and, if any input needs a gradient, records how to
 * push the gradient back. `backward` receives the output gradient; it must only accumulate
 * (+=) into `gradOf(parent)` for parents with `requiresGrad`.
 */
export function makeResult(
  op: string,
  data: Float32Array,
  shape: Shape,
  parents: readonly Tensor[],
  backward: (outGrad: Float32Array) => void,
): Tensor {
  const out = new Tensor(data, shape);
  out.op = op;
  if (gradEnabled && parents.some((p) => p.requiresGrad)) {
    out.requiresGrad = true;
    out.parents = parents;
    out.backwardFn = () => backward(out.grad as Float32Array);
  }
  return out;
}

/**
 * Back-propagates from a scalar loss (or from any tensor with an explicit seed gradient).
 * Gradients accumulate into `.grad` of every tensor that requires one; call `zeroGrad` on
 * the parameters between steps.
 */
export function backward(root: Tensor, seed?: Float32Array): void {
  if (!root.requiresGrad) throw new Error(`backward: ${root} does not require grad`);
  if (seed === undefined && root.size !== 1) {
    throw new Error(`backward: ${root} is not a scalar; pass a seed gradient`);
  }
  const order: Tensor[] = [];
  const seen = new Set<Tensor>();
  // Iterative DFS: deep graphs (an RNN unrolled over 64 steps) would overflow recursion.
  const stack: Array<[Tensor, number]> = [[root, 0]];
  seen.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [node, next] = top;
    if (next < node.parents.length) {
      top[1] = next + 1;
      const parent = node.parents[next];
      if (parent.requiresGrad && !seen.has(parent)) {
        seen.add(parent);
        stack.push([parent, 0]);
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  const rootGrad = gradOf(root);
  if (seed) {
    if (seed.length !== root.size) throw new Error(`backward: seed has ${seed.length} values, ${root} has ${root.size}`);
    for (let i = 0; i < seed.length; i++) rootGrad[i] += seed[i];
  } else {
    rootGrad[0] += 1;
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    if (node.backwardFn === freed && node.grad) {
      // Without this the freed node would pass for a leaf and every parameter behind it would
      // silently get no gradient (PyTorch raises here too, short of retain_graph).
      throw new Error(
        `backward: ${node} belongs to a graph that an earlier backward() already freed; ` +
          'recompute it inside this step, or detach() it if no gradient should flow through it',
      );
    }
    if (node.backwardFn && node.grad) node.backwardFn();
  }
  // Free intermediate gradients and links so a training step does not keep the graph alive.
  for (const node of order) {
    if (node.backwardFn) {
      node.grad = null;
      node.backwardFn = freed;
      node.parents = [];
    }
  }
}

/** Marks a non-leaf whose graph was freed, so a second backward through it fails loudly. */
function freed(): void {
  throw new Error('backward: graph already freed');
}

/** Clears the gradients of parameters before the next step. */
export function zeroGrad(params: Iterable<Tensor>): void {
  for (const p of params) p.grad = null;
}
