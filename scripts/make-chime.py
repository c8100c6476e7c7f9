#!/usr/bin/env python3
"""Writes public/chime.wav: the two-note chime a visitor's phone plays when their ticket
is called (8-bit mono, 11025 Hz, 0.7 s, about 8 KB). Run once; the file is committed."""
import math
import pathlib
import wave

RATE = 11025
frames = bytearray()
for freq, seconds in ((880, 0.3), (660, 0.4)):
    for i in range(int(RATE * seconds)):
        t = i / RATE
        fade = math.exp(-4 * t / seconds)
        v = 0.6 * fade * (math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)) / 1.3
        frames.append(int(128 + 127 * max(-1.0, min(1.0, v))))
out = pathlib.Path(__file__).resolve().parent.parent / "public" / "chime.wav"
with wave.open(str(out), "wb") as w:
    w.setnchannels(1)
    w.setsampwidth(1)
    w.setframerate(RATE)
    w.writeframes(bytes(frames))
