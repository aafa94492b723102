"""Runs LowMag exports in PyTorch for TorchExportPythonTest.

Usage: torch_export_check.py CASES.json RESULT.json

CASES.json: {"cases": [{"name", "export", "image", "width", "height", "tensor", "shape"}],
             "names": [{"arch": {...}, "classes": K, "tensors": {name: shape}}]}
  export: an export folder (imported as lowmag_model from there)
  image:  raw uint8 RGB, row-major [height, width, 3]
  tensor: LowMag's standardised, padded input, raw float32 little-endian of shape "shape"

RESULT.json: per case, the logits from LowMag's input tensor ("from_tensor"), from the module's own
preprocess() of the image ("from_image"), the largest difference between the two inputs
("input_max_abs_diff") and the preprocessed shape; per names entry, the module's state_dict names
and shapes for that architecture.
"""
import importlib.util
import json
import sys

import torch


def load_module(folder):
    spec = importlib.util.spec_from_file_location("lowmag_model", folder + "/lowmag_model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def raw_floats(path, shape):
    with open(path, "rb") as f:
        return torch.frombuffer(bytearray(f.read()), dtype=torch.float32).reshape(shape)


def run_case(case):
    mod = load_module(case["export"])
    model, prep = mod.load(case["export"])
    with open(case["image"], "rb") as f:
        rgb = torch.frombuffer(bytearray(f.read()), dtype=torch.uint8)
    rgb = rgb.reshape(case["height"], case["width"], 3)
    x_lowmag = raw_floats(case["tensor"], case["shape"])
    x_torch = mod.preprocess(rgb, prep)
    with torch.no_grad():
        from_tensor = model(x_lowmag)
        from_image = model(x_torch)
    same_shape = list(x_torch.shape) == list(x_lowmag.shape)
    return {
        "from_tensor": from_tensor[0].tolist(),
        "from_image": from_image[0].tolist(),
        "preprocessed_shape": list(x_torch.shape),
        "input_max_abs_diff": (x_torch - x_lowmag).abs().max().item() if same_shape else None,
    }


def names(entry, mod):
    net = mod.GnResNet(entry["arch"], entry["classes"])
    return {k: list(v.shape) for k, v in net.state_dict().items()}


def main():
    torch.set_num_threads(1)
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    result = {"cases": {}, "names": []}
    for case in spec["cases"]:
        result["cases"][case["name"]] = run_case(case)
    mod = load_module(spec["cases"][0]["export"])
    for entry in spec["names"]:
        result["names"].append(names(entry, mod))
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
