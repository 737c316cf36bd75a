// The PyTorch program's optimizer, taking the steps the app (and Keras) take. PyTorch's own SGD does,
// with or without momentum and Nesterov. Its RMSprop and Adam do not: they put epsilon elsewhere
// (keras/src/optimizers/rmsprop.py and adam.py, shaders/rmsprop.wgsl and adam.wgsl), which changes
// every step where gradients are small; so the program writes Keras's two as short optimizers.
import type { Settings } from '../../protocol/settings';
import { pythonFloat } from './kerasProgram';

const KERAS_RMSPROP = [
  'class KerasRMSprop(torch.optim.Optimizer):',
  '    """RMSprop as Keras and the app define it: rho 0.9, and epsilon 1e-7 INSIDE the square root,',
  '    w -= lr * g / sqrt(mean_square + epsilon). torch.optim.RMSprop(alpha=0.9, eps=1e-7) adds eps',
  '    outside it, w -= lr * g / (sqrt(mean_square) + eps): larger steps wherever gradients are small."""',
  '',
  '    def __init__(self, params, lr, rho=0.9, epsilon=1e-7):',
  '        super().__init__(params, dict(lr=lr, rho=rho, epsilon=epsilon))',
  '',
  '    @torch.no_grad()',
  '    def step(self):',
  '        for group in self.param_groups:',
  '            for p in group["params"]:',
  '                if p.grad is None:',
  '                    continue',
  '                state = self.state[p]',
  '                if not state:',
  '                    state["mean_square"] = torch.zeros_like(p)',
  '                mean_square = state["mean_square"]',
  '                mean_square.mul_(group["rho"]).addcmul_(p.grad, p.grad, value=1 - group["rho"])',
  '                p.addcdiv_(p.grad, (mean_square + group["epsilon"]).sqrt(), value=-group["lr"])',
];

const KERAS_ADAM = [
  'class KerasAdam(torch.optim.Optimizer):',
  '    """Adam as Keras and the app define it: beta_1 0.9, beta_2 0.999, both bias corrections in the',
  '    step size and epsilon 1e-7 added to sqrt(v) itself,',
  '    w -= lr * sqrt(1 - beta_2**t) / (1 - beta_1**t) * m / (sqrt(v) + epsilon).',
  '    torch.optim.Adam(eps=1e-7) adds eps to the corrected sqrt(v / (1 - beta_2**t)) instead:',
  '    larger steps early on and wherever gradients are small."""',
  '',
  '    def __init__(self, params, lr, beta_1=0.9, beta_2=0.999, epsilon=1e-7):',
  '        super().__init__(params, dict(lr=lr, beta_1=beta_1, beta_2=beta_2, epsilon=epsilon))',
  '        self.iterations = 0',
  '',
  '    @torch.no_grad()',
  '    def step(self):',
  '        self.iterations += 1',
  '        t = self.iterations',
  '        for group in self.param_groups:',
  '            beta_1, beta_2 = group["beta_1"], group["beta_2"]',
  '            step_size = group["lr"] * math.sqrt(1 - beta_2**t) / (1 - beta_1**t)',
  '            for p in group["params"]:',
  '                if p.grad is None:',
  '                    continue',
  '                state = self.state[p]',
  '                if not state:',
  '                    state["m"], state["v"] = torch.zeros_like(p), torch.zeros_like(p)',
  '                m, v = state["m"], state["v"]',
  '                m.add_(p.grad - m, alpha=1 - beta_1)',
  '                v.add_(p.grad * p.grad - v, alpha=1 - beta_2)',
  '                p.addcdiv_(m, v.sqrt().add_(group["epsilon"]), value=-step_size)',
];

/** SGD: PyTorch's own, whose steps are Keras's (its momentum buffer is Keras's velocity over -lr). */
function sgdLines(settings: Settings): string[] {
  const momentum = settings.momentum ?? 0;
  if (!(momentum > 0))
    return [
      'def make_optimizer(model):',
      "    # Keras's SGD without momentum, w -= lr * g: PyTorch's.",
      '    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)',
    ];
  const m = pythonFloat(momentum);
  const nesterov = settings.nesterov === true;
  const options = `momentum=${m}${nesterov ? ', nesterov=True' : ''}`;
  return [
    'def make_optimizer(model):',
    `    # Keras's SGD(${options}): v = ${m} * v - lr * g, then ${nesterov ? `w += ${m} * v - lr * g` : 'w += v'}.`,
    `    # PyTorch's keeps b = -v / lr instead (b = ${m} * b + g), then ${nesterov ? `w -= lr * (g + ${m} * b)` : 'w -= lr * b'}:`,
    '    # the same steps while the rate holds (with dampening 0, its default).',
    `    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, ${options})`,
  ];
}

/** The optimizer's definition (if PyTorch has none that takes Keras's steps) and make_optimizer(). */
export function torchOptimizerLines(settings: Settings): string[] {
  switch (settings.optimizer ?? 'rmsprop') {
    case 'sgd':
      return sgdLines(settings);
    case 'rmsprop':
      return [
        ...KERAS_RMSPROP,
        '',
        '',
        'def make_optimizer(model):',
        '    return KerasRMSprop(model.parameters(), lr=LEARNING_RATE)',
      ];
    case 'adam':
      return [
        ...KERAS_ADAM,
        '',
        '',
        'def make_optimizer(model):',
        '    return KerasAdam(model.parameters(), lr=LEARNING_RATE)',
      ];
  }
}

/** Whether the optimizer's lines use Python's math module. */
export const optimizerNeedsMath = (settings: Settings) => (settings.optimizer ?? 'rmsprop') === 'adam';
