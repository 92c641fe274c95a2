#!/usr/bin/env python3
"""Integration tests of portable output (jspack --libs=portable).

Each subcommand is one CTest test (see CMakeLists.txt here); exit status 0
pass, 1 fail, 77 skipped. Every check packs samples/hello (or the given
sample) with --libs=portable and runs the result with a private
JSPACK_CACHE_DIR, so the extraction cache starts empty.

  elf         the launcher needs nothing but glibc (readelf -d); readelf -a
              and objdump -h accept the packed app; the payload is a PT_LOAD
  first-run   first run extracts, the second is a stat-checked cache hit
  concurrent  ten simultaneous first runs all succeed, the files are whole
  tamper      a modified, truncated or replaced cache file is detected and
              replaced, never loaded; a truncated executable says it is damaged
  fallback    an unusable cache (not a directory, world-writable, a symlink)
              still runs, from memfd files, and says so under JSPACK_DEBUG=1
  strip       the app still runs after strip and patchelf --set-rpath
  exec-only   the app runs with mode 111 as another user
  hidden-libs libnode, libuv, ICU, OpenSSL hidden by bind mounts of /dev/null
              (unshare -m): the app still runs
  cache-cmd   jspack cache ls and clean
  inspect     jspack inspect on portable, system and damaged binaries
  icu-small   --icu=small: the stand-in libicudata.so.72 is what the app
              carries (SONAME, icudt72_dat, jspack inspect), the app is
              several MB smaller, and Intl gives node's output for kept
              locales and the en-US fallback for dropped ones
              (tests/integration/icu-small); --libs=system refuses it
  minbase     samples/hello, an Intl app in other locales and the TypeScript
              sample run inside a minimal Debian root (debootstrap
              --variant=minbase, made once and kept in $JSPACK_TEST_ROOT or
              /var/cache/jspack-test/minbase-bookworm) that has no node,
              libnode, libuv, ICU or OpenSSL; fails if the root cannot be made

Python 3 standard library only.
"""

import argparse
import concurrent.futures
import glob
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SKIP = 77
TIMEOUT = 300  # the first pack on a machine compresses the libraries
GLIBC = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0",
         "librt.so.1", "ld-linux-x86-64.so.2"}


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def log(msg=""):
    print(msg, flush=True)


def run(cmd, env=None, timeout=TIMEOUT, check=False, **kw):
    r = subprocess.run(cmd, env=env, capture_output=True, timeout=timeout, **kw)
    if check and r.returncode != 0:
        raise Failure(f"{cmd} exited {r.returncode}:\n"
                      f"{r.stdout.decode(errors='replace')}"
                      f"{r.stderr.decode(errors='replace')}")
    return r


def base_env(cache, debug=False):
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C",
           "HOME": os.environ.get("HOME", "/root"), "JSPACK_CACHE_DIR": cache}
    if debug:
        env["JSPACK_DEBUG"] = "1"
    return env


class Ctx:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix="portable-", dir=args.tmp)
        os.chmod(self.tmp, 0o755)
        self.cache = os.path.join(self.tmp, "cache")

    def pack(self, sample="hello", entry="app.js", out="app", extra=()):
        path = os.path.join(self.tmp, out)
        env = dict(os.environ)
        env.pop("JSPACK_DEBUG", None)
        run([self.args.jspack, os.path.join(ROOT, "samples", sample, entry),
             "--libs=portable", "-o", path, *extra], env=env, check=True)
        return path

    def run_app(self, app, args=(), cache=None, debug=False, expect=b"hello\n",
                env_extra=None, cmd_prefix=()):
        env = base_env(cache or self.cache, debug)
        if env_extra:
            env.update(env_extra)
        r = run([*cmd_prefix, app, *args], env=env)
        if r.returncode != 0 or (expect is not None and r.stdout != expect):
            raise Failure(f"{app} exited {r.returncode}, stdout "
                          f"{r.stdout!r}\nstderr:\n"
                          f"{r.stderr.decode(errors='replace')}")
        return r

    def cache_files(self):
        dirs = [d for d in glob.glob(os.path.join(self.cache, "*"))
                if os.path.isdir(d)]
        if len(dirs) != 1:
            raise Failure(f"expected one cache directory, found {dirs}")
        return dirs[0], sorted(f for f in os.listdir(dirs[0])
                               if not f.startswith("."))

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


def notes(r):
    return r.stderr.decode(errors="replace")


def check_elf(ctx):
    launcher = os.path.join(os.path.dirname(ctx.args.jspack), "jspack-launcher")
    for binary in (launcher, ctx.pack()):
        out = run(["readelf", "-d", binary], check=True).stdout.decode()
        needed = {line.split("[")[1].rstrip("]") for line in out.splitlines()
                  if "(NEEDED)" in line}
        if not needed <= GLIBC:
            raise Failure(f"{binary} needs {sorted(needed - GLIBC)}")
        log(f"{os.path.basename(binary)}: NEEDED {sorted(needed)}")
    app = os.path.join(ctx.tmp, "app")
    r = run(["readelf", "-a", "-W", app], check=True)
    if b"Warning" in r.stderr or b"Error" in r.stderr:
        raise Failure("readelf -a complains:\n" + r.stderr.decode())
    segs = r.stdout.decode()
    if ".jspack_payload" not in segs:
        raise Failure("no .jspack_payload section")
    r = run(["objdump", "-h", app], check=True)
    if b".jspack_payload" not in r.stdout:
        raise Failure("objdump -h does not show .jspack_payload")
    ctx.run_app(app)


def check_first_run(ctx):
    app = ctx.pack()
    r = ctx.run_app(app, debug=True)
    if "extracted libnode.so.108" not in notes(r):
        raise Failure("first run did not extract libnode:\n" + notes(r))
    d, files = ctx.cache_files()
    mode = stat.S_IMODE(os.stat(d).st_mode)
    if mode != 0o700 or stat.S_IMODE(os.stat(ctx.cache).st_mode) != 0o700:
        raise Failure(f"cache directory mode is {oct(mode)}")
    if "libjspack-runtime.so" not in files or any(f in GLIBC for f in files):
        raise Failure(f"cache holds {files}")
    r = ctx.run_app(app, debug=True)
    if "cache hit" not in notes(r) or "extracted" in notes(r):
        raise Failure("second run was no cache hit:\n" + notes(r))
    log(f"cache: {len(files)} files, hit on the second run")


def check_concurrent(ctx):
    app = ctx.pack()
    with concurrent.futures.ThreadPoolExecutor(10) as pool:
        results = list(pool.map(lambda _: run([app], env=base_env(ctx.cache)),
                                range(10)))
    for r in results:
        if r.returncode != 0 or r.stdout != b"hello\n":
            raise Failure(f"a concurrent first run failed: {r.returncode} "
                          f"{r.stdout!r} {notes(r)}")
    d, files = ctx.cache_files()
    leftovers = [f for f in os.listdir(d) if f.endswith(".tmp")]
    if leftovers:
        raise Failure(f"temporary files left: {leftovers}")
    r = ctx.run_app(app, debug=True)
    if "cache hit" not in notes(r) and "verified" not in notes(r):
        raise Failure("after the race the cache is not valid:\n" + notes(r))
    log("10 concurrent first runs passed")


def check_tamper(ctx):
    app = ctx.pack()
    ctx.run_app(app)
    d, _ = ctx.cache_files()
    target = os.path.join(d, "libuv.so.1")
    good = open(target, "rb").read()

    def damage(how):
        os.chmod(target, 0o700)
        if how == "flip":
            with open(target, "r+b") as f:
                f.seek(len(good) // 2)
                b = f.read(1)
                f.seek(len(good) // 2)
                f.write(bytes([b[0] ^ 0xff]))
        elif how == "truncate":
            os.truncate(target, len(good) // 3)
        elif how == "replace":
            os.unlink(target)
            with open(target, "wb") as f:
                f.write(b"\0" * len(good))

    for how in ("flip", "truncate", "replace"):
        damage(how)
        r = ctx.run_app(app, debug=True)
        if "replacing damaged libuv.so.1" not in notes(r):
            raise Failure(f"{how}: damage not detected:\n" + notes(r))
        if open(target, "rb").read() != good:
            raise Failure(f"{how}: the damaged file was not replaced")
        log(f"{how}: detected and replaced")

    # The executable itself cut short inside its payload segment: a clear
    # error, not SIGBUS from touching the missing pages.
    whole = open(app, "rb").read()
    launcher_end = os.path.getsize(os.path.join(
        os.path.dirname(ctx.args.jspack), "jspack-launcher"))
    for keep in (launcher_end + 4096, len(whole) // 2, len(whole) - 4096):
        cut = os.path.join(ctx.tmp, "cut")
        with open(cut, "wb") as f:
            f.write(whole[:keep])
        os.chmod(cut, 0o755)
        r = run([cut], env=base_env(ctx.cache, False))
        if r.returncode != 1 or b"payload is damaged (the file is truncated" \
                not in r.stderr:
            raise Failure(f"cut to {keep} bytes: exit {r.returncode}, "
                          f"stderr {r.stderr!r}")
    log("a truncated executable is reported as damaged")
    # The size is the mapped file's, not /proc/self/exe's: started through
    # the dynamic loader (so /proc/self/exe is ld.so), the intact app runs.
    loader = "/lib64/ld-linux-x86-64.so.2"
    if os.path.exists(loader):
        ctx.run_app(app, cmd_prefix=(loader,))
        log("the intact app runs through ld.so")


def check_fallback(ctx):
    app = ctx.pack()
    not_dir = os.path.join(ctx.tmp, "file")
    open(not_dir, "w").close()
    open_dir = os.path.join(ctx.tmp, "open")
    os.mkdir(open_dir)
    os.chmod(open_dir, 0o777)
    link = os.path.join(ctx.tmp, "link")
    os.symlink(ctx.tmp, link)
    for cache in (not_dir + "/cache", open_dir, link):
        r = ctx.run_app(app, cache=cache, debug=True)
        if "using memfd files" not in notes(r):
            raise Failure(f"{cache}: no memfd note:\n" + notes(r))
        log(f"{cache}: ran from memfd files")


def check_strip(ctx):
    app = ctx.pack()
    stripped = os.path.join(ctx.tmp, "stripped")
    run(["strip", "-o", stripped, app], check=True)
    ctx.run_app(stripped)
    log("strip: runs")
    patchelf = shutil.which("patchelf")
    if patchelf is None:
        raise Skip("patchelf is not installed (scripts/setup.sh installs it)")
    patched = os.path.join(ctx.tmp, "patched")
    shutil.copy(app, patched)
    run([patchelf, "--set-rpath", "/opt/nothing/here/at/all", patched],
        check=True)
    ctx.run_app(patched)
    log("patchelf --set-rpath: runs")


def check_exec_only(ctx):
    if os.geteuid() != 0:
        raise Skip("needs root to run as another user")
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise Skip("setpriv is not installed")
    app = ctx.pack()
    os.chmod(app, 0o111)
    cache = os.path.join(ctx.tmp, "nobody-cache")
    os.mkdir(cache, 0o700)
    os.chown(cache, 65534, 65534)
    prefix = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
    r = run([*prefix, "cat", app])
    if r.returncode == 0:
        raise Failure("the app is still readable by the test user")
    ctx.run_app(app, cache=cache, cmd_prefix=prefix,
                env_extra={"HOME": "/nonexistent"})
    log("mode 111 as uid 65534: runs")


def check_hidden_libs(ctx):
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        raise Skip("needs root and unshare")
    app = ctx.pack()
    patterns = ["libnode.so*", "libuv.so*", "libicu*.so*", "libssl.so*",
                "libcrypto.so*"]
    dirs = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
            os.path.join(os.path.dirname(os.path.dirname(ctx.args.jspack)),
                         "lib"),
            os.path.join(ROOT, ".deps/libnode/usr/lib/x86_64-linux-gnu")]
    hidden = sorted({os.path.realpath(p) for d in dirs for pat in patterns
                     for p in glob.glob(os.path.join(d, pat))})
    if not any("libnode" in h for h in hidden):
        raise Failure("found no libnode to hide")
    script = "set -e\n" + "".join(
        f"mount --bind /dev/null '{h}'\n" for h in hidden) + \
        "exec \"$@\"\n"
    r = ctx.run_app(app, cmd_prefix=("unshare", "-m", "sh", "-c", script,
                                     "sh"))
    log(f"ran with {len(hidden)} libraries hidden")
    # The same app under the same mounts with --libs=system must fail:
    # proof that the mounts hide what they should.
    system = os.path.join(ctx.tmp, "system")
    run([ctx.args.jspack, os.path.join(ROOT, "samples/hello/app.js"),
         "--libs=system", "-o", system], check=True)
    r = run(["unshare", "-m", "sh", "-c", script, "sh", system])
    if r.returncode == 0:
        raise Failure("the system-libs app ran with libnode hidden: the "
                      "mounts hide nothing")


def check_cache_cmd(ctx):
    app = ctx.pack()
    ctx.run_app(app)
    env = base_env(ctx.cache)
    r = run([ctx.args.jspack, "cache", "ls"], env=env, check=True)
    if b"1 entries" not in r.stdout:
        raise Failure("cache ls: " + r.stdout.decode())
    r = run([ctx.args.jspack, "cache", "clean"], env=env, check=True)
    if b"removed 1 entries" not in r.stdout or os.listdir(ctx.cache):
        raise Failure("cache clean: " + r.stdout.decode())
    ctx.run_app(app)  # and the app re-extracts
    log("cache ls / clean work")


def check_inspect(ctx):
    import json
    app = ctx.pack()
    r = run([ctx.args.jspack, "inspect", "--json", app], check=True)
    info = json.loads(r.stdout)
    names = " ".join(s["name"] for s in info["sections"])
    if (info["libs"] != "portable" or not info["ok"] or
            "libnode.so.108" not in names or
            not info["snapshot_state"].startswith("valid")):
        raise Failure("inspect portable: " + r.stdout.decode())
    # The app is in the snapshot, made by the carried libnode: the bundle
    # would never be read, so it is not carried. Without a snapshot it is,
    # and the app runs from it.
    if "bundle" in names.split():
        raise Failure("portable app with an app snapshot carries its bundle: "
                      + names)
    no_snap = ctx.pack(out="no-snapshot", extra=("--no-snapshot",))
    r = run([ctx.args.jspack, "inspect", "--json", no_snap], check=True)
    if "bundle" not in " ".join(s["name"] for s in json.loads(r.stdout)["sections"]).split():
        raise Failure("portable --no-snapshot app has no bundle: " + r.stdout.decode())
    ctx.run_app(no_snap)
    system = os.path.join(ctx.tmp, "system")
    run([ctx.args.jspack, os.path.join(ROOT, "samples/hello/app.js"),
         "--libs=system", "-o", system], check=True)
    r = run([ctx.args.jspack, "inspect", system], check=True)
    if b"libs: system" not in r.stdout or b"state: ok" not in r.stdout:
        raise Failure("inspect system: " + r.stdout.decode())
    data = bytearray(open(app, "rb").read())
    damaged = os.path.join(ctx.tmp, "damaged")
    data[len(data) // 2] ^= 1
    open(damaged, "wb").write(data)
    r = run([ctx.args.jspack, "inspect", damaged])
    if r.returncode != 1 or b"damage: library" not in r.stdout:
        raise Failure("inspect damaged: " + r.stdout.decode())
    open(damaged, "wb").write(data[: len(data) * 2 // 3])
    r = run([ctx.args.jspack, "inspect", damaged])
    if r.returncode != 1 or b"truncated" not in r.stdout:
        raise Failure("inspect truncated: " + r.stdout.decode())
    log("inspect: portable (no bundle beside the app snapshot; one without "
        "a snapshot), system, damaged and truncated reported")


MINBASE = os.environ.get("JSPACK_TEST_ROOT",
                         "/var/cache/jspack-test/minbase-bookworm")
FORBIDDEN = ["libnode.so*", "libuv.so*", "libicu*.so*", "libssl.so*",
             "libcrypto.so*"]


def minbase_root():
    """The cached minimal root, made with debootstrap the first time."""
    if os.path.isfile(os.path.join(MINBASE, "etc/debian_version")):
        return MINBASE
    if os.geteuid() != 0:
        raise Failure(f"no minimal root at {MINBASE}, and making one needs "
                      "root")
    debootstrap = shutil.which("debootstrap") or "/usr/sbin/debootstrap"
    if not os.path.exists(debootstrap):
        raise Failure("debootstrap is not installed (scripts/setup.sh "
                      "installs it); cannot make the minimal root")
    tmp = MINBASE + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.dirname(MINBASE), exist_ok=True)
    log(f"making {MINBASE} with debootstrap (once)")
    r = run([debootstrap, "--variant=minbase", "bookworm", tmp,
             "http://deb.debian.org/debian"], timeout=1800)
    if r.returncode != 0:
        raise Failure("debootstrap failed:\n" + r.stdout.decode()[-3000:] +
                      r.stderr.decode()[-3000:])
    os.rename(tmp, MINBASE)
    return MINBASE


def check_minbase(ctx):
    root = minbase_root()
    present = [p for d in ("lib", "usr/lib", "usr/local/lib")
               for pat in FORBIDDEN
               for p in glob.glob(os.path.join(root, d, "**", pat),
                                  recursive=True)]
    for tool in ("usr/bin/node", "usr/bin/nodejs", "usr/local/bin/node"):
        if os.path.exists(os.path.join(root, tool)):
            present.append(tool)
    if present:
        raise Failure(f"the minimal root is not minimal: {present}")
    work = tempfile.mkdtemp(prefix="jspack-", dir=os.path.join(root, "tmp"))
    inside = "/tmp/" + os.path.basename(work)
    try:
        apps = [
            (ctx.pack(), b"hello\n"),
            (ctx.pack(sample="../tests/integration/icu-small",
                      out="intl-small", extra=("--icu=small",)),
             open(os.path.join(HERE, "icu-small/expected.stdout"),
                  "rb").read()),
            (ctx.pack(sample="../tests/integration/portable-intl",
                      out="intl"),
             open(os.path.join(HERE, "portable-intl/expected.stdout"),
                  "rb").read()),
            (ctx.pack(sample="ts-dep", entry="app.ts", out="ts"),
             open(os.path.join(HERE, "ts-dep/expected.stdout"), "rb").read()),
        ]
        for app, expected in apps:
            shutil.copy(app, work)
            name = os.path.basename(app)
            env = {"PATH": "/usr/bin:/bin", "LANG": "C", "HOME": inside,
                   "JSPACK_CACHE_DIR": inside + "/cache"}
            # A private mount namespace with /proc (process.execPath and
            # the memfd fallback need it), then chroot.
            chroot = shutil.which("chroot", path="/usr/sbin:/sbin:/usr/bin")
            mount = shutil.which("mount", path="/usr/bin:/bin:/usr/sbin")
            if chroot is None or mount is None:
                raise Failure("chroot or mount is missing on this machine")
            script = (f'{mount} -t proc proc "$0/proc" && exec {chroot} '
                      '"$0" "$@"')
            r = run(["unshare", "-m", "--propagation", "private", "sh", "-c",
                     script, root, inside + "/" + name], env=env)
            if r.returncode != 0 or r.stdout != expected:
                raise Failure(f"{name} in the minimal root exited "
                              f"{r.returncode}\nstdout: {r.stdout!r}\n"
                              f"expected: {expected!r}\nstderr: "
                              f"{r.stderr.decode(errors='replace')}")
            log(f"{name}: right output in {root}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_icu_small(ctx):
    bindir = os.path.dirname(ctx.args.jspack)
    stand_in = os.path.join(bindir, "icu-small", "libicudata.so.72")
    dyn = run(["readelf", "-d", "-W", stand_in], check=True).stdout.decode()
    if "Library soname: [libicudata.so.72]" not in dyn or "NEEDED" in dyn:
        raise Failure(f"{stand_in}: wrong dynamic section:\n{dyn}")
    syms = run(["nm", "-D", "--defined-only", stand_in],
               check=True).stdout.decode().split()
    if "icudt72_dat" not in syms:
        raise Failure(f"{stand_in} does not export icudt72_dat")
    expected = open(os.path.join(HERE, "icu-small/expected.stdout"),
                    "rb").read()
    small = ctx.pack(sample="../tests/integration/icu-small", out="small",
                     extra=("--icu=small",))
    full = ctx.pack(out="full")
    saved = os.path.getsize(full) - os.path.getsize(small)
    if saved < 5_000_000:
        raise Failure(f"--icu=small saves only {saved} bytes")
    log(f"--icu=small: {os.path.getsize(small)} bytes, {saved} less than "
        f"--icu=full")
    r = ctx.run_app(small, expect=None)
    if r.stdout != expected:
        got = r.stdout.decode(errors="replace").splitlines()
        want = expected.decode().splitlines()
        diff = [f"line {i + 1}: got {g!r}, want {w!r}"
                for i, (g, w) in enumerate(zip(got, want)) if g != w]
        raise Failure("Intl output differs from node's:\n" +
                      "\n".join(diff[:20]) +
                      (f"\n{len(got)} lines, want {len(want)}"
                       if len(got) != len(want) else ""))
    log(f"Intl output matches node's ({len(expected.splitlines())} lines)")
    # The fallback is the default locale: with LANG naming a kept locale, a
    # dropped one formats as that locale does.
    r = ctx.run_app(small, expect=None, env_extra={"LANG": "de_DE.UTF-8"})
    out = r.stdout.decode().splitlines()
    # (PluralRules stays exact for sv, whose select(3) is "other" as de's.)
    want = [l.replace("de-DE", "sv-SE", 1) for l in out
            if l.startswith("de-DE")]
    got = [l for l in out if l.startswith("sv-SE")]
    if got != want:
        raise Failure("with LANG=de_DE.UTF-8, sv-SE does not fall back to "
                      f"de-DE:\n{got}\n{want}")
    log("with LANG=de_DE.UTF-8 a dropped locale formats as de-DE")
    text = run([ctx.args.jspack, "inspect", small],
               check=True).stdout.decode()
    if "icu: small (filtered libicudata.so.72)" not in text:
        raise Failure(f"jspack inspect does not name the small ICU:\n{text}")
    raw = os.path.getsize(stand_in)
    line = next((l for l in text.splitlines()
                 if "(libicudata.so.72)" in l), "")
    if f" {raw} raw" not in line:
        raise Failure(f"inspect's libicudata is not the stand-in "
                      f"({raw} bytes): {line!r}")
    text = run([ctx.args.jspack, "inspect", full], check=True).stdout.decode()
    if "icu: full" not in text:
        raise Failure(f"jspack inspect of --icu=full:\n{text}")
    r = run([ctx.args.jspack, os.path.join(ROOT, "samples/hello/app.js"),
             "--icu=small", "--libs=system", "-o",
             os.path.join(ctx.tmp, "nope")])
    if r.returncode == 0 or b"--icu=small applies to portable output only" \
            not in r.stderr:
        raise Failure(f"--icu=small --libs=system: exit {r.returncode}, "
                      f"{r.stderr!r}")


CHECKS = {
    "minbase": check_minbase,
    "icu-small": check_icu_small,
    "inspect": check_inspect,
    "elf": check_elf, "first-run": check_first_run,
    "concurrent": check_concurrent, "tamper": check_tamper,
    "fallback": check_fallback, "strip": check_strip,
    "exec-only": check_exec_only, "hidden-libs": check_hidden_libs,
    "cache-cmd": check_cache_cmd,
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jspack", required=True)
    p.add_argument("--tmp", default=None)
    p.add_argument("check", choices=sorted(CHECKS) + ["list"])
    args = p.parse_args()
    if args.check == "list":
        print("\n".join(sorted(CHECKS)))
        return 0
    if args.tmp:
        os.makedirs(args.tmp, exist_ok=True)
    ctx = Ctx(args)
    try:
        CHECKS[args.check](ctx)
    except Skip as e:
        log(f"SKIP: {e}")
        return SKIP
    except (Failure, subprocess.TimeoutExpired) as e:
        log(f"FAIL: {e}")
        return 1
    finally:
        ctx.close()
    log("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
