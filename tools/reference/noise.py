"""Deterministic Gaussian gradient noise, a line-for-line port of src/core/engine/noise.ts.

mulberry32 gives uniforms in the open interval (0, 1); Box–Muller turns each pair of
uniforms into two normals, cos first, then sin. JavaScript's 32-bit integer semantics
are emulated with explicit masking:

    x >>> 0        ->  x & 0xFFFFFFFF            (to unsigned 32-bit)
    x >>> k        ->  (x & 0xFFFFFFFF) >> k
    Math.imul(a,b) ->  low 32 bits of a*b        (sign is irrelevant here: every use is
                                                  either masked again or xor-ed and masked)
    a ^ b, a | b   ->  on the unsigned representatives, then masked

Signed/unsigned does not matter anywhere except the final `>>> 0`, because xor/or/imul on
the low 32 bits give the same bit pattern either way; we keep every intermediate unsigned.

Math.log / Math.sin / Math.cos: V8 (Node 20) uses its own fdlibm port, not the C library, and
glibc's math.log/sin/cos disagree with it in the last bit for a few percent of arguments.
fdlibm.py transcribes V8's routines, which makes this port bit-identical to Node 20
(checked by `generate.py --check-noise` on 120 000 draws). Math.sqrt and Math.PI need
nothing: sqrt is correctly rounded everywhere and Math.PI == math.pi.
"""

import math

import fdlibm

_M32 = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    return (a * b) & _M32


class GaussianNoise:
    def __init__(self, seed: int):
        self.state = seed & _M32  # seed >>> 0
        self.spare = 0.0
        self.has_spare = False

    def uniform(self) -> float:
        """Next uniform in the open interval (0, 1)."""
        self.state = (self.state + 0x6D2B79F5) & _M32
        t = self.state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & _M32
        t &= _M32
        return (((t ^ (t >> 14)) & _M32) + 0.5) / 4294967296

    def normal(self) -> float:
        """Next standard normal; normals come in Box–Muller pairs (cos first, then sin)."""
        if self.has_spare:
            self.has_spare = False
            return self.spare
        u1 = self.uniform()
        u2 = self.uniform()
        r = math.sqrt(-2 * fdlibm.log(u1))
        theta = 2 * math.pi * u2
        self.spare = r * fdlibm.sin(theta)
        self.has_spare = True
        return r * fdlibm.cos(theta)

    def pair(self):
        """The two normals added to (∂f/∂x, ∂f/∂y) in one step, x first (GaussianNoise.addTo)."""
        return self.normal(), self.normal()
