"""The native peer of npm run gpu:check: the book's MLP trained the same way in PyTorch (eager).

784 -> 512 relu -> 10 softmax, cross-entropy, batch 128, Glorot-uniform weights and zero biases,
RMSprop as Keras does it (lr 0.001, rho 0.9, epsilon 1e-7 INSIDE the square root:
keras/src/optimizers/rmsprop.py, `ops.sqrt(velocity + epsilon)`), written by hand because
torch.optim.RMSprop adds epsilon outside it. The same MNIST files (the .gz in the pack), pixels / 255.

Timed like ours: median of blocks of 10 synced steps, a full shuffled epoch, the 10,000 test images
evaluated; then the rest of the epochs for the book's accuracy. Prints one JSON object (last line).
Usage: python3 torch_peer.py --data DIR [--epochs 5] [--steps 50] [--device cuda|cpu]
"""

import argparse
import gzip
import json
import os
import statistics
import sys
import time


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
        x = torch.frombuffer(bytearray(raw[16:]), dtype=torch.uint8).reshape(count, 784)
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--device", default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import torch

    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    torch.manual_seed(args.seed)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    sync = (lambda: torch.cuda.synchronize(device)) if device.type == "cuda" else (lambda: None)
    train_x, train_y, test_x, test_y = load(args.data, torch, device)

    def glorot(fan_in, fan_out):
        limit = (6.0 / (fan_in + fan_out)) ** 0.5
        return (torch.rand(fan_in, fan_out, device=device) * 2 - 1) * limit

    params = [glorot(784, 512), torch.zeros(512, device=device), glorot(512, 10), torch.zeros(10, device=device)]
    for p in params:
        p.requires_grad_(True)
    mean_squares = [torch.zeros_like(p) for p in params]
    lr, rho, eps = 0.001, 0.9, 1e-7

    def logits_of(x):
        w1, b1, w2, b2 = params
        return torch.relu(x @ w1 + b1) @ w2 + b2

    def step(x, y):
        loss = torch.nn.functional.cross_entropy(logits_of(x), y)
        grads = torch.autograd.grad(loss, params)
        with torch.no_grad():
            for p, ms, g in zip(params, mean_squares, grads):
                ms.mul_(rho).addcmul_(g, g, value=1 - rho)
                p.sub_(lr * g / torch.sqrt(ms + eps))
        return loss

    def run_epoch(order, batch=128):
        # No per-step read of the loss: that would sync every step, which ours does not do either.
        for start in range(0, order.numel(), batch):
            idx = order[start : start + batch]
            step(train_x[idx], train_y[idx])
        sync()

    def evaluate(x, y, batch=1000):
        with torch.no_grad():
            loss_sum = torch.zeros((), device=device)
            correct = torch.zeros((), device=device, dtype=torch.long)
            for start in range(0, x.shape[0], batch):
                logits = logits_of(x[start : start + batch])
                target = y[start : start + batch]
                loss_sum += torch.nn.functional.cross_entropy(logits, target, reduction="sum")
                correct += (logits.argmax(1) == target).sum()
            return float(loss_sum) / x.shape[0], int(correct) / x.shape[0]

    result = {"name": "pytorch", "status": "ok", "info": f"torch {torch.__version__}, {name}", "device": str(device)}
    block_x, block_y = train_x[: 10 * 128], train_y[: 10 * 128]

    def block():
        for s in range(10):
            step(block_x[s * 128 : (s + 1) * 128], block_y[s * 128 : (s + 1) * 128])
        sync()

    start = time.perf_counter()
    step(block_x[:128], block_y[:128])
    sync()
    result["coldMs"] = (time.perf_counter() - start) * 1000
    for _ in range(max(1, args.warmup // 10)):
        block()
    blocks = []
    for _ in range(max(3, -(-args.steps // 10))):
        start = time.perf_counter()
        block()
        blocks.append((time.perf_counter() - start) * 1000)
    result["blockMs"] = blocks
    result["stepMs"] = statistics.median(blocks) / 10
    result["stepGflops"] = 2 * 128 * (2 * 784 * 512 + 3 * 512 * 10) / (result["stepMs"] * 1e6)

    # The book's run from fresh weights: epoch 1 is the timed full epoch.
    torch.manual_seed(args.seed)
    fresh = [glorot(784, 512), torch.zeros(512, device=device), glorot(512, 10), torch.zeros(10, device=device)]
    with torch.no_grad():
        for p, f, ms in zip(params, fresh, mean_squares):
            p.copy_(f)
            ms.zero_()
    generator = torch.Generator(device="cpu").manual_seed(args.seed)
    epoch_ms = []
    for _ in range(args.epochs):
        order = torch.randperm(train_x.shape[0], generator=generator).to(device)
        sync()
        start = time.perf_counter()
        run_epoch(order)
        epoch_ms.append((time.perf_counter() - start) * 1000)
    result["epochMs"] = epoch_ms[0] if epoch_ms else None
    result["epochsMs"] = epoch_ms
    evaluate(test_x[:1000], test_y[:1000])
    sync()
    start = time.perf_counter()
    loss, accuracy = evaluate(test_x, test_y)
    result["evalMs"] = (time.perf_counter() - start) * 1000
    result["testLoss"], result["testAccuracy"] = loss, accuracy
    result["epochs"] = args.epochs
    print(json.dumps(result))


if __name__ == "__main__":
    try:
        main()
    except ImportError as error:
        print(json.dumps({"name": "pytorch", "status": "unavailable", "reason": f"{error}"}))
    except Exception as error:  # the check reports it and goes on
        print(json.dumps({"name": "pytorch", "status": "failed", "reason": f"{type(error).__name__}: {error}"}))
        sys.exit(1)
