#!/usr/bin/python3
"""Reads a .safetensors file as the published format describes it, with the standard library only,
and prints its metadata and tensors as JSON: the check that other tools can read what the studio
writes. Format: 8 bytes little-endian u64 N, N bytes of JSON header ({name: {dtype, shape,
data_offsets: [begin, end]}, "__metadata__": {str: str}}), then the data, offsets relative to it.

usage: read_safetensors.py FILE.safetensors
"""
import json
import struct
import sys

FORMATS = {"F32": "f", "F64": "d", "I32": "i", "I64": "q", "U8": "B", "BOOL": "?"}


def main(path):
    with open(path, "rb") as f:
        blob = f.read()
    (length,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + length].decode("utf-8"))
    data = blob[8 + length:]
    out = {"metadata": header.pop("__metadata__", {}), "tensors": {}, "data_aligned": (8 + length) % 8 == 0}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        code = FORMATS[entry["dtype"]]
        count = (end - begin) // struct.calcsize(code)
        expected = 1
        for size in entry["shape"]:
            expected *= size
        assert count == expected, f"{name}: {count} values for shape {entry['shape']}"
        values = list(struct.unpack(f"<{count}{code}", data[begin:end]))
        out["tensors"][name] = {"dtype": entry["dtype"], "shape": entry["shape"], "values": values}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
