"""fdlibm log, sin and cos exactly as V8 computes Math.log / Math.sin / Math.cos.

Why this exists: src/core/engine/noise.ts draws Box–Muller normals with Math.log, Math.cos
and Math.sin. Those are not required to be correctly rounded, and V8's (Node 20, V8 11.3)
come from its own port of fdlibm (src/base/ieee754.cc), while Python's math module calls
glibc. The two disagree in the last bit for ~3-8% of arguments, so a noise port built on
`math.log` drifts from the engine by an ulp now and then. This file transcribes V8's fdlibm
routines statement by statement; Python floats are IEEE binary64 with round-to-nearest and
no extended precision or FMA contraction, so the results are bit-identical to V8's.
generate.py checks that against Node on 120 000 draws whenever Node is available.

Only the paths reachable from the noise generator are transcribed: log on (0, 1) normal
numbers (plus the usual special cases), sin/cos on |x| <= 2^19·π/2 (the noise passes
θ = 2π·u with u in (0, 1)); larger arguments raise instead of silently going wrong.

Source: fdlibm 5.3 (Sun Microsystems, 1993), as adapted in V8's src/base/ieee754.cc.
"""

import struct


def _hi(x: float) -> int:
    """GET_HIGH_WORD as a signed int32."""
    (bits,) = struct.unpack("<q", struct.pack("<d", x))
    return bits >> 32


def _lo(x: float) -> int:
    """GET_LOW_WORD as an unsigned int32."""
    (bits,) = struct.unpack("<Q", struct.pack("<d", x))
    return bits & 0xFFFFFFFF


def _insert(hi: int, lo: int) -> float:
    """INSERT_WORDS."""
    bits = ((hi & 0xFFFFFFFF) << 32) | (lo & 0xFFFFFFFF)
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def _set_high(x: float, hi: int) -> float:
    return _insert(hi, _lo(x))


# --------------------------------------------------------------------------------- log

_ln2_hi = 6.93147180369123816490e-01  # 3fe62e42 fee00000
_ln2_lo = 1.90821492927058770002e-10  # 3dea39ef 35793c76
_two54 = 1.80143985094819840000e16  # 43500000 00000000
_Lg1 = 6.666666666666735130e-01  # 3FE55555 55555593
_Lg2 = 3.999999999940941908e-01  # 3FD99999 9997FA04
_Lg3 = 2.857142874366239149e-01  # 3FD24924 94229359
_Lg4 = 2.222219843214978396e-01  # 3FCC71C5 1D8E78AF
_Lg5 = 1.818357216161805012e-01  # 3FC74664 96CB03DE
_Lg6 = 1.531383769920937332e-01  # 3FC39A09 D078C69F
_Lg7 = 1.479819860511658591e-01  # 3FC2F112 DF3E5244


def log(x: float) -> float:
    hx = _hi(x)
    lx = _lo(x)
    k = 0
    if hx < 0x00100000:  # x < 2**-1022
        if ((hx & 0x7FFFFFFF) | lx) == 0:
            return float("-inf")
        if hx < 0:
            return float("nan")
        k -= 54
        x *= _two54
        hx = _hi(x)
    if hx >= 0x7FF00000:
        return x + x
    k += (hx >> 20) - 1023
    hx &= 0x000FFFFF
    i = (hx + 0x95F64) & 0x100000
    x = _set_high(x, hx | (i ^ 0x3FF00000))  # normalize x or x/2
    k += i >> 20
    f = x - 1.0
    if (0x000FFFFF & (2 + hx)) < 3:  # -2**-20 <= f < 2**-20
        if f == 0.0:
            if k == 0:
                return 0.0
            dk = float(k)
            return dk * _ln2_hi + dk * _ln2_lo
        R = f * f * (0.5 - 0.33333333333333333 * f)
        if k == 0:
            return f - R
        dk = float(k)
        return dk * _ln2_hi - ((R - dk * _ln2_lo) - f)
    s = f / (2.0 + f)
    dk = float(k)
    z = s * s
    i = hx - 0x6147A
    w = z * z
    j = 0x6B851 - hx
    t1 = w * (_Lg2 + w * (_Lg4 + w * _Lg6))
    t2 = z * (_Lg1 + w * (_Lg3 + w * (_Lg5 + w * _Lg7)))
    i |= j
    R = t2 + t1
    if i > 0:
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + R))
        return dk * _ln2_hi - ((hfsq - (s * (hfsq + R) + dk * _ln2_lo)) - f)
    if k == 0:
        return f - s * (f - R)
    return dk * _ln2_hi - ((s * (f - R) - dk * _ln2_lo) - f)


# ------------------------------------------------------------------------- sin and cos

_S1 = -1.66666666666666324348e-01  # 0xBFC55555, 0x55555549
_S2 = 8.33333333332248946124e-03  # 0x3F811111, 0x1110F8A6
_S3 = -1.98412698298579493134e-04  # 0xBF2A01A0, 0x19C161D5
_S4 = 2.75573137070700676789e-06  # 0x3EC71DE3, 0x57B1FE7D
_S5 = -2.50507602534068634195e-08  # 0xBE5AE5E6, 0x8A2B9CEB
_S6 = 1.58969099521155010221e-10  # 0x3DE5D93A, 0x5ACFD57C

_C1 = 4.16666666666666019037e-02  # 0x3FA55555, 0x5555554C
_C2 = -1.38888888888741095749e-03  # 0xBF56C16C, 0x16C15177
_C3 = 2.48015872894767294178e-05  # 0x3EFA01A0, 0x19CB1590
_C4 = -2.75573143513906633035e-07  # 0xBE927E4F, 0x809C52AD
_C5 = 2.08757232129817482790e-09  # 0x3E21EE9E, 0xBDB4B1C4
_C6 = -1.13596475577881948265e-11  # 0xBDA8FAE9, 0xBE8838D4


def _kernel_sin(x: float, y: float, iy: int) -> float:
    ix = _hi(x) & 0x7FFFFFFF
    if ix < 0x3E400000:  # |x| < 2**-27
        if int(x) == 0:
            return x
    z = x * x
    v = z * x
    r = _S2 + z * (_S3 + z * (_S4 + z * (_S5 + z * _S6)))
    if iy == 0:
        return x + v * (_S1 + z * r)
    return x - ((z * (0.5 * y - v * r) - y) - v * _S1)


def _kernel_cos(x: float, y: float) -> float:
    ix = _hi(x) & 0x7FFFFFFF
    if ix < 0x3E400000:  # |x| < 2**-27
        if int(x) == 0:
            return 1.0
    z = x * x
    r = z * (_C1 + z * (_C2 + z * (_C3 + z * (_C4 + z * (_C5 + z * _C6)))))
    if ix < 0x3FD33333:  # |x| < 0.3
        return 1.0 - (0.5 * z - (z * r - x * y))
    if ix > 0x3FE90000:  # x > 0.78125
        qx = 0.28125
    else:
        qx = _insert(ix - 0x00200000, 0)  # x/4
    iz = 0.5 * z - qx
    a = 1.0 - qx
    return a - (iz - (z * r - x * y))


_invpio2 = 6.36619772367581382433e-01  # 0x3FE45F30, 0x6DC9C883
_pio2_1 = 1.57079632673412561417e00  # 0x3FF921FB, 0x54400000
_pio2_1t = 6.07710050650619224932e-11  # 0x3DD0B461, 0x1A626331
_pio2_2 = 6.07710050630396597660e-11  # 0x3DD0B461, 0x1A600000
_pio2_2t = 2.02226624879595063154e-21  # 0x3BA3198A, 0x2E037073
_pio2_3 = 2.02226624871116645580e-21  # 0x3BA3198A, 0x2E000000
_pio2_3t = 8.47842766036889956997e-32  # 0x397B839A, 0x252049C1
_npio2_hw = [
    0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C,
    0x4025FDBB, 0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C,
    0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A,
    0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
    0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB,
    0x404858EB, 0x404921FB,
]


def _rem_pio2(x: float):
    """__ieee754_rem_pio2 for |x| <= 2^19·π/2: returns (n, y0, y1) with x - n·π/2 = y0 + y1."""
    hx = _hi(x)
    ix = hx & 0x7FFFFFFF
    if ix <= 0x3FE921FB:  # |x| ~<= pi/4
        return 0, x, 0.0
    if ix < 0x4002D97C:  # |x| < 3pi/4, special case with n=+-1
        if hx > 0:
            z = x - _pio2_1
            if ix != 0x3FF921FB:
                y0 = z - _pio2_1t
                y1 = (z - y0) - _pio2_1t
            else:
                z -= _pio2_2
                y0 = z - _pio2_2t
                y1 = (z - y0) - _pio2_2t
            return 1, y0, y1
        z = x + _pio2_1
        if ix != 0x3FF921FB:
            y0 = z + _pio2_1t
            y1 = (z - y0) + _pio2_1t
        else:
            z += _pio2_2
            y0 = z + _pio2_2t
            y1 = (z - y0) + _pio2_2t
        return -1, y0, y1
    if ix <= 0x413921FB:  # |x| ~<= 2^19*(pi/2), medium size
        t = abs(x)
        n = int(t * _invpio2 + 0.5)  # static_cast<int32_t> truncates toward zero
        fn = float(n)
        r = t - fn * _pio2_1
        w = fn * _pio2_1t  # 1st round good to 85 bit
        if n < 32 and ix != _npio2_hw[n - 1]:
            y0 = r - w
        else:
            j = ix >> 20
            y0 = r - w
            high = _hi(y0) & 0xFFFFFFFF
            i = j - ((high >> 20) & 0x7FF)
            if i > 16:  # 2nd iteration needed, good to 118
                t = r
                w = fn * _pio2_2
                r = t - w
                w = fn * _pio2_2t - ((t - r) - w)
                y0 = r - w
                high = _hi(y0) & 0xFFFFFFFF
                i = j - ((high >> 20) & 0x7FF)
                if i > 49:  # 3rd iteration, 151 bits acc
                    t = r
                    w = fn * _pio2_3
                    r = t - w
                    w = fn * _pio2_3t - ((t - r) - w)
                    y0 = r - w
        y1 = (r - y0) - w
        if hx < 0:
            return -n, -y0, -y1
        return n, y0, y1
    raise ValueError("fdlibm port: argument too large for the transcribed reduction")


def cos(x: float) -> float:
    ix = _hi(x) & 0x7FFFFFFF
    if ix <= 0x3FE921FB:
        return _kernel_cos(x, 0.0)
    if ix >= 0x7FF00000:
        return x - x
    n, y0, y1 = _rem_pio2(x)
    n &= 3
    if n == 0:
        return _kernel_cos(y0, y1)
    if n == 1:
        return -_kernel_sin(y0, y1, 1)
    if n == 2:
        return -_kernel_cos(y0, y1)
    return _kernel_sin(y0, y1, 1)


def sin(x: float) -> float:
    ix = _hi(x) & 0x7FFFFFFF
    if ix <= 0x3FE921FB:
        return _kernel_sin(x, 0.0, 0)
    if ix >= 0x7FF00000:
        return x - x
    n, y0, y1 = _rem_pio2(x)
    n &= 3
    if n == 0:
        return _kernel_sin(y0, y1, 1)
    if n == 1:
        return _kernel_cos(y0, y1)
    if n == 2:
        return -_kernel_sin(y0, y1, 1)
    return -_kernel_cos(y0, y1)
