#!/usr/bin/env python3
"""The same training steps as bench_training_speed, in Python with Debian's python3-torch.

Builds phase 1's AudioVAE and phase 3's UNetV2 exactly as core/models does (the parameter counts
must match the C++ ones, given in the spec), runs training steps on random data of the training
shapes, and prints steps/s and the floating-point operations of one step as JSON: the forward
pass's multiply-adds (convolutions, linear layers and attention's two products, counted by hooks)
times two, and the backward pass as twice the forward, the usual estimate.

usage: torch_training_speed.py SPEC.json
  SPEC: {"threads": N, "steps": N, "warmup": N, "cases": [{"name", "kind": "vae"|"unet", "config", "batch", "frames", "parameters"}]}
"""
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def groups_for(channels):
    for g in (32, 16, 8, 4, 2):
        if channels % g == 0:
            return g
    return 1


# ---- phase 1: the AudioVAE (core/models/AudioVae.cpp)

class VaeResBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.norm1, self.conv1 = nn.GroupNorm(groups_for(c), c), nn.Conv1d(c, c, 3, padding=1)
        self.norm2, self.conv2 = nn.GroupNorm(groups_for(c), c), nn.Conv1d(c, c, 3, padding=1)

    def forward(self, x):
        h = self.conv1(F.silu(self.norm1(x)))
        return x + self.conv2(F.silu(self.norm2(h)))


class CrossAttention(nn.Module):
    def __init__(self, dim, context_dim, heads):
        super().__init__()
        self.heads = heads if dim % heads == 0 else 1
        self.query = nn.Linear(dim, dim, bias=False)
        self.key = nn.Linear(context_dim, dim, bias=False)
        self.value = nn.Linear(context_dim, dim, bias=False)
        self.output = nn.Linear(dim, dim)

    def forward(self, x, context, mask=None):
        b = x.shape[0]
        split = lambda t: t.view(b, t.shape[1], self.heads, -1).transpose(1, 2)
        q, k, v = split(self.query(x)), split(self.key(context)), split(self.value(context))
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        if mask is not None:
            scores = scores.masked_fill(~mask.view(b, 1, 1, -1), -1e9)
        return self.output((scores.softmax(-1) @ v).transpose(1, 2).reshape(b, x.shape[1], -1))


class SelfAttentionBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.norm, self.attention = nn.GroupNorm(groups_for(c), c), CrossAttention(c, c, 1)

    def forward(self, x):
        h = self.norm(x).transpose(1, 2)
        return x + self.attention(h, h).transpose(1, 2)


class AudioVae(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        c, latent, mels = cfg["channels"], cfg["latent_dim"], cfg["n_mels"]
        enc = [nn.Conv1d(mels, c[0], 3, padding=1)]
        for level, ch in enumerate(c):
            enc += [VaeResBlock(ch) for _ in range(cfg["res_blocks"])]
            if level + 1 < len(c):
                enc.append(nn.Conv1d(ch, c[level + 1], 4, stride=2, padding=1))
        for _ in range(cfg["middle_blocks"]):
            enc += [VaeResBlock(c[-1]), SelfAttentionBlock(c[-1])]
        enc += [nn.GroupNorm(groups_for(c[-1]), c[-1]), nn.SiLU(), nn.Conv1d(c[-1], 2 * latent, 3, padding=1)]
        dec = [nn.Conv1d(latent, c[-1], 3, padding=1)]
        for _ in range(cfg["middle_blocks"]):
            dec += [VaeResBlock(c[-1]), SelfAttentionBlock(c[-1])]
        for level in reversed(range(len(c))):
            dec += [VaeResBlock(c[level]) for _ in range(cfg["res_blocks"])]
            if level > 0:
                dec.append(nn.ConvTranspose1d(c[level], c[level - 1], 4, stride=2, padding=1))
        dec += [nn.GroupNorm(groups_for(c[0]), c[0]), nn.SiLU(), nn.Conv1d(c[0], mels, 3, padding=1)]
        self.encoder, self.decoder = nn.Sequential(*enc), nn.Sequential(*dec)
        self.cfg = cfg

    def loss(self, mel_db):
        x = (mel_db - self.cfg["mel_centre_db"]) / self.cfg["mel_scale_db"]
        mean, logvar = self.encoder(x).chunk(2, 1)
        logvar = logvar.clamp(-30, 20)
        z = mean + (0.5 * logvar).exp() * torch.randn_like(mean)
        rec = F.mse_loss(self.decoder(z), x)
        kl = (-0.5 * (1 + logvar - mean.pow(2) - logvar.exp())).mean()
        return rec + self.cfg["kl_weight"] * kl


# ---- phase 3: UNetV2 (core/models/UNet.cpp, Attention.cpp)

class VoiceStreamAttention(nn.Module):
    def __init__(self, dim, context_dim, voice_dim, heads):
        super().__init__()
        self.text = CrossAttention(dim, context_dim, heads)
        self.voice_value, self.voice_output = nn.Linear(voice_dim, dim, bias=False), nn.Linear(dim, dim)
        self.gate = nn.Parameter(torch.zeros(dim))

    def forward(self, x, text, text_mask, voice, has_voice):
        from_text = self.text(x, text, text_mask)
        from_voice = self.voice_output(self.voice_value(voice)).unsqueeze(1)
        gate = torch.sigmoid(self.gate) * has_voice.float().view(-1, 1, 1)
        return gate * from_voice + (1 - gate) * from_text


class TransformerLayer(nn.Module):
    def __init__(self, c, context_dim, voice_dim, heads):
        super().__init__()
        self.self_norm, self.self_attention = nn.LayerNorm(c), CrossAttention(c, c, heads)
        self.cross_norm, self.cross = nn.LayerNorm(c), VoiceStreamAttention(c, context_dim, voice_dim, heads)
        self.feed_norm, self.feed_in, self.feed_out = nn.LayerNorm(c), nn.Linear(c, 8 * c), nn.Linear(4 * c, c)

    def forward(self, h, ctx):
        n = self.self_norm(h)
        h = h + self.self_attention(n, n)
        h = h + self.cross(self.cross_norm(h), *ctx)
        a, b = self.feed_in(self.feed_norm(h)).chunk(2, -1)
        return h + self.feed_out(a * F.gelu(b))


class TransformerBlock(nn.Module):
    def __init__(self, c, depth, context_dim, voice_dim, heads):
        super().__init__()
        self.norm, self.project_in, self.project_out = nn.GroupNorm(groups_for(c), c), nn.Conv1d(c, c, 1), nn.Conv1d(c, c, 1)
        self.layers = nn.ModuleList([TransformerLayer(c, context_dim, voice_dim, heads) for _ in range(depth)])

    def forward(self, x, ctx):
        h = self.project_in(self.norm(x)).transpose(1, 2)
        for layer in self.layers:
            h = layer(h, ctx)
        return x + self.project_out(h.transpose(1, 2))


class TimedResBlock(nn.Module):
    def __init__(self, cin, cout, emb):
        super().__init__()
        self.norm1, self.conv1 = nn.GroupNorm(groups_for(cin), cin), nn.Conv1d(cin, cout, 3, padding=1)
        self.time = nn.Linear(emb, 2 * cout)
        self.norm2, self.conv2 = nn.GroupNorm(groups_for(cout), cout), nn.Conv1d(cout, cout, 3, padding=1)
        self.skip = nn.Conv1d(cin, cout, 1) if cin != cout else None

    def forward(self, x, emb):
        scale, shift = self.time(emb).unsqueeze(-1).chunk(2, 1)
        h = self.norm2(self.conv1(F.silu(self.norm1(x)))) * (1 + scale) + shift
        h = self.conv2(F.silu(h))
        return (self.skip(x) if self.skip is not None else x) + h


class Stage(nn.Module):
    def __init__(self, residual, attention, resample, channels, cfg):
        super().__init__()
        self.residual = TimedResBlock(*residual, 4 * cfg["model_channels"]) if residual else None
        self.attention = (TransformerBlock(attention, cfg["transformer_depth"], cfg["context_dim"], cfg["voice_dim"], cfg["num_heads"])
                          if attention else None)
        self.resample = resample
        self.conv = nn.Conv1d(channels, channels, 3, stride=2 if resample == "down" else 1, padding=1) if resample else None

    def forward(self, x, emb, ctx):
        if self.residual is not None:
            x = self.residual(x, emb)
        if self.attention is not None:
            x = self.attention(x, ctx)
        if self.resample == "up":
            x = F.interpolate(x, scale_factor=2, mode="nearest")
        if self.conv is not None:
            x = self.conv(x)
        return x


def walk_stages(cfg):
    """The same walk as walkStages in UNet.cpp: (path, residual, attention, resample, channels)."""
    mc, mult, levels = cfg["model_channels"], cfg["channel_mult"], len(cfg["channel_mult"])
    has_attention = lambda level: (1 << level) in cfg["attention_resolutions"]
    ch, skips, out = mc, [mc], []
    for level in range(levels):
        o = mult[level] * mc
        for _ in range(cfg["num_res_blocks"]):
            out.append((0, (ch, o), o if has_attention(level) else None, None, o))
            ch = o
            skips.append(ch)
        if level + 1 < levels:
            out.append((0, None, None, "down", ch))
            skips.append(ch)
    out.append((1, (ch, ch), ch, None, ch))
    out.append((1, (ch, ch), None, None, ch))
    for level in reversed(range(levels)):
        o = mult[level] * mc
        for i in range(cfg["num_res_blocks"] + 1):
            last = i == cfg["num_res_blocks"] and level > 0
            out.append((2, (ch + skips.pop(), o), o if has_attention(level) else None, "up" if last else None, o))
            ch = o
    return out


class UNetV2(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        mc, emb = cfg["model_channels"], 4 * cfg["model_channels"]
        self.time_in, self.time_out = nn.Linear(mc, emb), nn.Linear(emb, emb)
        self.conditioning = nn.Linear(cfg["conditioning_dim"], emb)
        self.input = nn.Conv1d(cfg["in_channels"] + cfg["control_channels"], mc, 3, padding=1)
        self.down, self.middle, self.up = nn.ModuleList(), nn.ModuleList(), nn.ModuleList()
        last = mc
        for path, residual, attention, resample, channels in walk_stages(cfg):
            (self.down, self.middle, self.up)[path].append(Stage(residual, attention, resample, channels, cfg))
            last = channels
        self.output_norm, self.output = nn.GroupNorm(groups_for(last), last), nn.Conv1d(last, cfg["in_channels"], 3, padding=1)
        self.cfg = cfg

    def forward(self, latent, time, controls, conditioning, ctx):
        half = self.cfg["model_channels"] // 2
        freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32) / half)
        angles = (time * 1000.0).unsqueeze(1) * freqs.unsqueeze(0)
        emb = self.time_out(F.silu(self.time_in(torch.cat([angles.sin(), angles.cos()], 1)))) + self.conditioning(conditioning)
        x = self.input(torch.cat([latent, controls], 1))
        skips = [x]
        for stage in self.down:
            x = stage(x, emb, ctx)
            skips.append(x)
        for stage in self.middle:
            x = stage(x, emb, ctx)
        for stage in self.up:
            x = stage(torch.cat([x, skips.pop()], 1), emb, ctx)
        return self.output(F.silu(self.output_norm(x)))


def make_case(case):
    cfg, batch, frames = case["config"], case["batch"], case["frames"]
    torch.manual_seed(0)
    if case["kind"] == "vae":
        model = AudioVae(cfg)
        mel = torch.randn(batch, cfg["n_mels"], frames) * 20 - 40
        return model, lambda: model.loss(mel)
    model = UNetV2(cfg)
    latent = torch.randn(batch, cfg["in_channels"], frames)
    controls = torch.rand(batch, cfg["control_channels"], frames)
    conditioning = torch.randn(batch, cfg["conditioning_dim"])
    ctx = (torch.randn(batch, 16, cfg["context_dim"]), torch.ones(batch, 16, dtype=torch.bool), torch.randn(batch, cfg["voice_dim"]),
           torch.ones(batch, dtype=torch.bool))
    time_ = torch.rand(batch)
    return model, lambda: F.mse_loss(model(latent, time_, controls, conditioning, ctx), latent)


def forward_flops(model, loss_of):
    total = [0]

    def conv(module, inputs, output):
        kernel = module.weight.shape[2]
        per_output = module.in_channels // module.groups * kernel
        frames = output.shape[2] if not isinstance(module, nn.ConvTranspose1d) else inputs[0].shape[2]
        channels = output.shape[1] if not isinstance(module, nn.ConvTranspose1d) else module.out_channels
        total[0] += 2 * output.shape[0] * channels * frames * per_output

    def linear(module, inputs, output):
        total[0] += 2 * output.numel() * module.in_features

    def attention(module, inputs, output):
        x, context = inputs[0], inputs[1]
        total[0] += 2 * 2 * x.shape[0] * x.shape[1] * context.shape[1] * module.query.out_features

    hooks = []
    for m in model.modules():
        if isinstance(m, (nn.Conv1d, nn.ConvTranspose1d)):
            hooks.append(m.register_forward_hook(conv))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(linear))
        if isinstance(m, CrossAttention):
            hooks.append(m.register_forward_hook(attention))
    with torch.no_grad():
        loss_of()
    for h in hooks:
        h.remove()
    return total[0]


def main():
    spec = json.load(open(sys.argv[1]))
    torch.set_num_threads(spec["threads"])
    results = []
    for case in spec["cases"]:
        model, loss_of = make_case(case)
        count = sum(p.numel() for p in model.parameters())
        if count != case["parameters"]:
            sys.exit(f"{case['name']}: {count} parameters here, {case['parameters']} in C++: the architectures differ")
        optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)

        def step():
            optimizer.zero_grad()
            loss = loss_of()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()

        flops = 3 * forward_flops(model, loss_of)
        for _ in range(spec["warmup"]):
            step()
        start = time.perf_counter()
        for _ in range(spec["steps"]):
            step()
        seconds = time.perf_counter() - start
        results.append({"name": case["name"], "steps_per_s": spec["steps"] / seconds, "flops_per_step": flops})
    print(json.dumps(results))


if __name__ == "__main__":
    main()
