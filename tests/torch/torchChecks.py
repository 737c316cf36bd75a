"""The Python side of tests/torch: runs the app's generated PyTorch program (imported as a module)
on files the TypeScript tests write, and answers in JSON on stdout or in raw float32 files.

    torchChecks.py spec FILE                      the file read by the safetensors specification alone
    torchChecks.py predict PROGRAM WEIGHTS DATA OUT    the program's probabilities on the test set
    torchChecks.py steps PROGRAM CASE             the program's optimizer, step by step, against the app's
    torchChecks.py warp PROGRAM CASE              the program's warp() on given images and transforms
    torchChecks.py smoke DATA PROGRAM...          each program's every function, on a little data

PyTorch runs on one thread: the machines that run the tests are small and shared.
"""
import importlib.util
import json
import struct
import sys
from pathlib import Path

import torch

torch.set_num_threads(1)


def load_program(path):
    spec = importlib.util.spec_from_file_location("digits_torch", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_by_specification(path):
    """A safetensors file read by its specification (github.com/huggingface/safetensors, README
    "Format") with nothing but struct and json, checking every rule it states; no PyTorch."""
    data = Path(path).read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    raw = data[8 : 8 + length]
    problems = []
    if not raw.startswith(b"{"):
        problems.append("the header does not begin with {")
    text = raw.decode("utf-8")
    if len(text.rstrip(" ")) != len(text.rstrip()):
        problems.append("the header is padded with something other than spaces")
    if length % 8 != 0:
        problems.append(f"the header's length {length} is not a multiple of 8")

    def no_duplicates(pairs):
        keys = [key for key, _ in pairs]
        if len(keys) != len(set(keys)):
            problems.append("the header has duplicate keys")
        return dict(pairs)

    header = json.loads(text, object_pairs_hook=no_duplicates)
    metadata = header.pop("__metadata__", {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()):
        problems.append("__metadata__ is not a map of strings to strings")
    buffer = data[8 + length :]
    sizes = {"F32": 4}
    tensors, spans = {}, []
    for name, info in header.items():
        if set(info) != {"dtype", "shape", "data_offsets"}:
            problems.append(f"{name} has the fields {sorted(info)}")
        begin, end = info["data_offsets"]
        count = 1
        for d in info["shape"]:
            count *= d
        if end - begin != count * sizes[info["dtype"]]:
            problems.append(f"{name} spans {end - begin} bytes for shape {info['shape']}")
        spans.append((begin, end))
        values = struct.unpack(f"<{count}f", buffer[begin:end])
        tensors[name] = {"shape": info["shape"], "dtype": info["dtype"], "values": values}
    at = 0
    for begin, end in sorted(spans):
        if begin != at:
            problems.append(f"the data has a hole or an overlap at byte {at}")
        at = end
    if at != len(buffer):
        problems.append(f"the data is {len(buffer)} bytes, the tensors cover {at}")
    return tensors, metadata, problems


def spec(path):
    tensors, metadata, problems = read_by_specification(path)
    return {
        "problems": problems,
        "metadata": metadata,
        "tensors": {n: {"shape": t["shape"], "dtype": t["dtype"], "values": list(t["values"])} for n, t in tensors.items()},
    }


def predict(program_path, weights, data, out):
    program = load_program(program_path)
    model = program.build_model()
    program.load_weights(model, weights)
    images, labels = program.load_mnist(data, "t10k", program.TEST_IMAGES)
    probabilities = program.predict(model, images)
    Path(out).write_bytes(probabilities.contiguous().numpy().astype("<f4").tobytes())
    loss, accuracy = program.evaluate(model, images, labels)
    return {"loss": loss, "accuracy": accuracy}


def steps(program_path, case_path):
    """Loads the app's initial weights, then takes the program's optimizer (or, for the case's
    "builtin", PyTorch's own RMSprop or Adam with Keras's hyperparameters) through the same batches
    as the app did, comparing the weights with the app's after each step."""
    case = json.loads(Path(case_path).read_text())
    program = load_program(program_path)
    model = program.build_model()
    program.load_weights(model, case["initial"])
    builtin = {
        "rmsprop": lambda p: torch.optim.RMSprop(p, lr=program.LEARNING_RATE, alpha=0.9, eps=1e-7),
        "adam": lambda p: torch.optim.Adam(p, lr=program.LEARNING_RATE, eps=1e-7),
    }.get(case.get("builtin"))
    optimizer = builtin(model.parameters()) if builtin else program.make_optimizer(model)
    images, labels = program.load_mnist(case["data"], "train", case["images"])
    report = []
    for batch, after in zip(case["batches"], case["after"]):
        before = {name: value.clone() for name, value in model.state_dict().items()}
        loss = torch.nn.functional.cross_entropy(model(images[batch]), labels[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        expected, _ = program.read_safetensors(after)
        state = model.state_dict()
        gaps = {name: (state[name] - expected[name]).abs().max().item() for name in state}
        worst = max(gaps, key=gaps.get)
        moved = max((state[name] - before[name]).abs().max().item() for name in state)
        report.append({"difference": gaps[worst], "name": worst, "moved": moved})
    return report


def warp(program_path, case_path):
    case = json.loads(Path(case_path).read_text())
    program = load_program(program_path)
    images = torch.tensor(case["images"], dtype=torch.float32)
    t = {k: torch.tensor(v, dtype=torch.float32) for k, v in case["transforms"].items()}
    out = program.warp(images, t["angle"], t["scale"], t["shift_x"], t["shift_y"])
    return out.tolist()


def smoke(data, *program_paths):
    """Each program builds its model and optimizer, trains two batches (augmented where it does),
    evaluates and predicts: every line of it runs, not only parses."""
    report = []
    for path in program_paths:
        program = load_program(path)
        torch.manual_seed(program.SEED)
        model = program.build_model()
        optimizer = program.make_optimizer(model)
        images, labels = program.load_mnist(data, "train", 2 * program.BATCH_SIZE)
        generator = torch.Generator().manual_seed(program.SEED)
        loss, _ = program.train_epoch(model, optimizer, images, labels, generator)
        test_images, test_labels = program.load_mnist(data, "t10k", 100)
        program.evaluate(model, test_images, test_labels)
        probabilities = program.predict(model, test_images)
        report.append({"loss": repr(loss), "shape": list(probabilities.shape)})
    return report


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    result = {"spec": spec, "predict": predict, "steps": steps, "warp": warp, "smoke": smoke}[command](*args)
    print(json.dumps(result))
