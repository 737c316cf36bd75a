"""Time to accuracy in PyTorch: the recipes of src/nn/speedrunRecipes.ts, trained the same way.

  mlp      the book's MLP: 784 -> 512 relu -> 10, RMSprop 0.001 (Keras's: epsilon inside the root),
           batch 128, the 10,000 test images evaluated at each epoch's end; target 98%.
  speedrun a small ConvNet: conv3x3(24) relu, pool, conv3x3(32) relu, pool, dense 256 relu, dense 10;
           Adam (beta1 0.7, beta2 0.9, epsilon 1e-7) under a one-cycle rate (peak 0.01, PyTorch's
           OneCycleLR defaults), batch 256; evaluated every --eval-every steps from --eval-from.

Glorot-uniform weights, zero biases, pixels / 255, a fresh shuffle per epoch. The time runs from the
first step to the end of the first evaluation that reaches the target; the warm-up (one step and
one evaluation on throwaway weights, data upload) is timed apart. Prints one JSON object per seed
and a last line {"name": "pytorch-speedrun", "runs": [...]}.
Usage: python3 torch_speedrun.py --data DIR --recipe speedrun [--seeds 5] [--first-seed 1]
       [--device cuda|cpu] [--threads N] [--target 0.99] [--max-steps N] [--train N] [--test N]
"""

import argparse
import gzip
import json
import math
import os
import sys
import time

RECIPES = {
    "mlp": {"batch": 128, "epochs": 10, "target": 0.98, "eval_every": 0, "eval_from": 0},
    "speedrun": {"batch": 256, "epochs": 2, "target": 0.99, "eval_every": 50, "eval_from": 0.5},
}


def read_idx(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    if int.from_bytes(data[0:4], "big") != magic:
        raise ValueError(f"{path}: bad magic number")
    return data


def load(data_dir, torch, device):
    def images(name):
        raw = read_idx(os.path.join(data_dir, name), 2051)
        count = int.from_bytes(raw[4:8], "big")
        x = torch.frombuffer(bytearray(raw[16:]), dtype=torch.uint8).reshape(count, 1, 28, 28)
        return (x.to(device=device, dtype=torch.float32) / 255.0).contiguous()

    def labels(name):
        raw = read_idx(os.path.join(data_dir, name), 2049)
        return torch.frombuffer(bytearray(raw[8:]), dtype=torch.uint8).to(device=device, dtype=torch.long)

    return (
        images("train-images-idx3-ubyte.gz"),
        labels("train-labels-idx1-ubyte.gz"),
        images("t10k-images-idx3-ubyte.gz"),
        labels("t10k-labels-idx1-ubyte.gz"),
    )


def one_cycle(step, total, peak, pct_start=0.3, div=25.0, final_div=1e4):
    """torch.optim.lr_scheduler.OneCycleLR (cosine, the defaults) at a step; src/nn/learningRateSchedule.ts."""
    initial, final = peak / div, peak / div / final_div
    rise_end = pct_start * total - 1
    if step <= rise_end:
        start, end, pct = initial, peak, step / rise_end
    else:
        start, end, pct = peak, final, (step - rise_end) / (total - 1 - rise_end)
    return end + (start - end) / 2 * (math.cos(math.pi * pct) + 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--recipe", choices=sorted(RECIPES), default="speedrun")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--device", default=None)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--target", type=float, default=None)
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--batch", type=int, default=None)
    parser.add_argument("--eval-every", type=int, default=None)
    parser.add_argument("--eval-from", type=float, default=None)
    parser.add_argument("--peak", type=float, default=0.01)
    parser.add_argument("--max-steps", type=int, default=0, help="end the run after this many steps (tests)")
    parser.add_argument("--train", type=int, default=0, help="train on the first N images only (tests)")
    parser.add_argument("--test", type=int, default=0, help="evaluate the first N test images only (tests)")
    parser.add_argument("--no-stop", action="store_true", help="train to the end, listing every evaluation")
    args = parser.parse_args()
    recipe = dict(RECIPES[args.recipe])
    for key in ("target", "epochs", "batch", "eval_every", "eval_from"):
        if getattr(args, key) is not None:
            recipe[key] = getattr(args, key)

    import torch
    import torch.nn.functional as F

    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    sync = (lambda: torch.cuda.synchronize(device)) if device.type == "cuda" else (lambda: None)
    upload_start = time.perf_counter()
    train_x, train_y, test_x, test_y = load(args.data, torch, device)
    sync()
    upload_ms = (time.perf_counter() - upload_start) * 1000
    if args.train:
        train_x, train_y = train_x[: args.train], train_y[: args.train]
    if args.test:
        test_x, test_y = test_x[: args.test], test_y[: args.test]

    def glorot(shape, fan_in, fan_out):
        limit = (6.0 / (fan_in + fan_out)) ** 0.5
        return ((torch.rand(*shape, device=device) * 2 - 1) * limit).requires_grad_(True)

    def zeros(n):
        return torch.zeros(n, device=device, requires_grad=True)

    def build():
        if args.recipe == "mlp":
            return [glorot((784, 512), 784, 512), zeros(512), glorot((512, 10), 512, 10), zeros(10)]
        return [
            glorot((24, 1, 3, 3), 9, 9 * 24), zeros(24),
            glorot((32, 24, 3, 3), 9 * 24, 9 * 32), zeros(32),
            glorot((800, 256), 800, 256), zeros(256),
            glorot((256, 10), 256, 10), zeros(10),
        ]  # fmt: skip

    def logits_of(params, x):
        if args.recipe == "mlp":
            w1, b1, w2, b2 = params
            return torch.relu(x.reshape(-1, 784) @ w1 + b1) @ w2 + b2
        k1, c1, k2, c2, w1, b1, w2, b2 = params
        h = F.max_pool2d(torch.relu(F.conv2d(x, k1, c1)), 2)
        h = F.max_pool2d(torch.relu(F.conv2d(h, k2, c2)), 2)
        # Channels last before flattening, as ours (and Keras) flatten [5, 5, 32].
        h = h.permute(0, 2, 3, 1).reshape(h.shape[0], -1)
        return torch.relu(h @ w1 + b1) @ w2 + b2

    def optimizer_of(params):
        if args.recipe == "mlp":
            return torch.optim.RMSprop(params, lr=0.001, alpha=0.9, eps=0.0)  # epsilon added by hand below
        return torch.optim.Adam(params, lr=args.peak, betas=(0.7, 0.9), eps=1e-7)

    def evaluate(params):
        with torch.no_grad():
            correct = torch.zeros((), device=device, dtype=torch.long)
            for start in range(0, test_x.shape[0], 1000):
                logits = logits_of(params, test_x[start : start + 1000])
                correct += (logits.argmax(1) == test_y[start : start + 1000]).sum()
            return int(correct) / test_x.shape[0]

    batches = math.ceil(train_x.shape[0] / recipe["batch"])
    full = batches * recipe["epochs"]
    total = min(args.max_steps, full) if args.max_steps > 0 else full  # the run's steps: the schedule spans them
    eval_from = math.floor(full * recipe["eval_from"])

    def evaluates_after(step):  # step: steps done
        if step % batches == 0 or step >= total:
            return True
        return recipe["eval_every"] > 0 and step >= eval_from and step % recipe["eval_every"] == 0

    def run(seed, warm):
        torch.manual_seed(seed)
        params = build()
        opt = optimizer_of(params)
        rmsprop = args.recipe == "mlp"
        generator = torch.Generator(device="cpu").manual_seed(seed)
        evaluations, reached = [], None
        sync()
        start = time.perf_counter()
        step = 0
        while step < total:
            order = torch.randperm(train_x.shape[0], generator=generator).to(device)
            for first in range(0, order.numel(), recipe["batch"]):
                if step >= total:
                    break
                idx = order[first : first + recipe["batch"]]
                if not rmsprop:
                    for group in opt.param_groups:
                        # Held at the engine's floor, 1e-6 (protocol/optimizers.ts), as ours is.
                        rate = one_cycle(step, total, args.peak) if total >= 2 else args.peak
                        group["lr"] = max(rate, 1e-6)
                loss = F.cross_entropy(logits_of(params, train_x[idx]), train_y[idx])
                opt.zero_grad(set_to_none=True)
                loss.backward()
                if rmsprop:  # Keras's RMSprop: epsilon 1e-7 inside the square root
                    with torch.no_grad():
                        for p in params:
                            st = opt.state.setdefault(p, {})
                            ms = st.setdefault("ms", torch.zeros_like(p))
                            ms.mul_(0.9).addcmul_(p.grad, p.grad, value=0.1)
                            p.sub_(0.001 * p.grad / torch.sqrt(ms + 1e-7))
                else:
                    opt.step()
                step += 1
                if warm:
                    sync()
                    return evaluate(params)
                if evaluates_after(step):
                    accuracy = evaluate(params)  # reads back: syncs
                    seconds = time.perf_counter() - start
                    evaluations.append({"step": step, "accuracy": accuracy, "seconds": seconds})
                    if reached is None and accuracy >= recipe["target"]:
                        reached = seconds
                        if not args.no_stop:
                            return {"seed": seed, "seconds": reached, "steps": step, "evaluations": evaluations}
        return {"seed": seed, "seconds": reached, "steps": step, "evaluations": evaluations}

    warm_start = time.perf_counter()
    run(args.first_seed, True)
    warm_ms = (time.perf_counter() - warm_start) * 1000 + upload_ms
    runs = []
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        result = run(seed, False)
        print(json.dumps(result), file=sys.stderr, flush=True)
        runs.append(result)
    print(
        json.dumps(
            {
                "name": "pytorch-speedrun",
                "status": "ok",
                "recipe": args.recipe,
                "target": recipe["target"],
                "info": f"torch {torch.__version__}, {name}, {torch.get_num_threads()} thread(s)",
                "device": str(device),
                "warmUpMs": warm_ms,
                "runs": runs,
            }
        )
    )


if __name__ == "__main__":
    try:
        main()
    except ImportError as error:
        print(json.dumps({"name": "pytorch-speedrun", "status": "unavailable", "reason": f"{error}"}))
    except Exception as error:  # the check reports it and goes on
        print(json.dumps({"name": "pytorch-speedrun", "status": "failed", "reason": f"{type(error).__name__}: {error}"}))
        sys.exit(1)
