#!/usr/bin/env python3
"""Integration test runner: packs samples with jspack and checks what they do.

Every subcommand is one CTest test (see CMakeLists.txt here). Exit status: 0
pass, 1 fail, 77 skipped (CTest SKIP_RETURN_CODE), 2 usage error.

  sample      pack a sample, run the binary (or `jspack run` it, or run it
              under real Node) and compare stdout, stderr and the exit code
              with tests/integration/<case>/expected.*
  sigint      SIGINT after "ready" must kill the app by SIGINT
  bad-input   jspack with a bad argument: exit 1, one-line message, no files
              left behind
  damaged     damaged copies of a packed app: a clear message, never a crash
  debug-boot  JSPACK_DEBUG=1 names the boot path
  cli         --version and --help
  reproducible  packing twice gives the same bytes

Case directory (tests/integration/<case>/):
  sample           optional: the sample folder name (default: the case name)
  args             optional: one argument per line
  env              optional: KEY=VALUE lines added to the minimal environment
  stdin            optional: bytes fed to standard input (else /dev/null)
  expected.stdout  exact standard output
  expected.code    exit code
  expected.stderr  optional: one regex per line, each must match somewhere in
                   stderr (re.MULTILINE); without it stderr must be empty

Python 3 standard library only.
"""

import argparse
import os
import re
import shutil
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SKIP = 77
RUN_TIMEOUT = 120  # seconds for one pack or one run of an app

# Every app runs with this environment and nothing inherited, so the host's
# variables (NODE_OPTIONS, NODE_EXTRA_CA_CERTS, JSPACK_DEBUG, ...) cannot
# change what it prints.
BASE_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": os.environ.get("HOME", "/root"),
    "LANG": "C",
}


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def log(msg=""):
    print(msg, flush=True)


def show(label, data):
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if not text:
        log(f"--- {label}: (empty)")
        return
    log(f"--- {label}:")
    log(text if len(text) < 6000 else text[:6000] + f"\n... ({len(text)} chars)")


def run(cmd, env=None, cwd=None, stdin=b"", timeout=RUN_TIMEOUT, preexec_fn=None):
    """Runs cmd; returns CompletedProcess with bytes stdout/stderr."""
    full_env = dict(BASE_ENV)
    full_env.update(env or {})
    try:
        return subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=full_env, cwd=cwd,
                              timeout=timeout, preexec_fn=preexec_fn)
    except subprocess.TimeoutExpired as e:
        show("stdout so far", e.stdout or b"")
        show("stderr so far", e.stderr or b"")
        raise Failure(f"timed out after {timeout} s: {cmd}")


def describe_status(code):
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit {code}"


class TempDir:
    """mkdtemp under --tmp (or the system temp dir), removed at the end even
    when a test left read-only or unreadable things in it."""

    def __init__(self, base=None, prefix="jspack-it-"):
        if base:
            os.makedirs(base, exist_ok=True)
        self.path = tempfile.mkdtemp(prefix=prefix, dir=base)

    def __enter__(self):
        return self.path

    def __exit__(self, *exc):
        for dirpath, dirnames, filenames in os.walk(self.path):
            for name in dirnames + filenames:
                try:
                    os.chmod(os.path.join(dirpath, name), 0o700, follow_symlinks=False)
                except OSError:
                    pass
        shutil.rmtree(self.path, ignore_errors=True)
        return False


# ---------------------------------------------------------------- cases

class Case:
    def __init__(self, name):
        self.name = name
        self.dir = os.path.join(HERE, name)
        if not os.path.isdir(self.dir):
            raise Failure(f"no case folder {self.dir}")
        sample = self._read("sample")
        self.sample = sample.decode().strip() if sample is not None else name
        self.sample_dir = os.path.join(ROOT, "samples", self.sample)
        self.entry = find_entry(self.sample_dir)
        args = self._read("args")
        self.args = args.decode().splitlines() if args is not None else []
        self.env = {}
        env = self._read("env")
        for line in (env.decode().splitlines() if env is not None else []):
            if line.strip() and not line.startswith("#"):
                key, _, value = line.partition("=")
                self.env[key] = value
        self.stdin = self._read("stdin") or b""
        self.expected_stdout = self._read("expected.stdout")
        code = self._read("expected.code")
        if self.expected_stdout is None or code is None:
            raise Failure(f"{self.dir} needs expected.stdout and expected.code "
                          "(record them with record-with-node.py)")
        self.expected_code = int(code.decode().strip())
        stderr = self._read("expected.stderr")
        self.stderr_patterns = ([l for l in stderr.decode().splitlines() if l]
                                if stderr is not None else None)

    def _read(self, name):
        path = os.path.join(self.dir, name)
        if not os.path.exists(path):
            return None
        with open(path, "rb") as f:
            return f.read()


def find_entry(sample_dir):
    for name in ("app.js", "app.ts", "app.mjs", "app.cjs"):
        path = os.path.join(sample_dir, name)
        if os.path.exists(path):
            return path
    raise Failure(f"no app.js or app.ts in {sample_dir}")


def check_output(case, proc, what):
    """Compares one run with the case's expectations; raises Failure."""
    problems = []
    if proc.returncode != case.expected_code:
        problems.append(f"{describe_status(proc.returncode)}, expected exit {case.expected_code}")
    if proc.stdout != case.expected_stdout:
        problems.append("stdout differs from expected.stdout")
        show("expected stdout", case.expected_stdout)
        show("actual stdout", proc.stdout)
        import difflib
        diff = difflib.unified_diff(
            case.expected_stdout.decode("utf-8", "replace").splitlines(),
            proc.stdout.decode("utf-8", "replace").splitlines(),
            "expected.stdout", "actual", lineterm="")
        show("diff", "\n".join(diff))
    stderr = proc.stderr.decode("utf-8", "replace")
    if case.stderr_patterns is None:
        if stderr:
            problems.append("stderr is not empty")
    else:
        for pattern in case.stderr_patterns:
            if not re.search(pattern, stderr, re.MULTILINE):
                problems.append(f"stderr does not match /{pattern}/")
    if problems:
        show("stderr", proc.stderr)
        raise Failure(f"{what}: " + "; ".join(problems))
    log(f"ok: {what}: stdout ({len(proc.stdout)} bytes), stderr and "
        f"{describe_status(proc.returncode)} as expected")


def pack(jspack, entry, out, extra=(), env=None, cwd=None):
    cmd = [jspack, entry, "-o", out, *extra]
    log("$ " + " ".join(cmd))
    t0 = time.monotonic()
    proc = run(cmd, env=env, cwd=cwd)
    took = time.monotonic() - t0
    if proc.returncode != 0 or not os.path.isfile(out):
        show("stdout", proc.stdout)
        show("stderr", proc.stderr)
        raise Failure(f"pack failed ({describe_status(proc.returncode)}) for {entry}")
    log(f"packed {os.path.getsize(out)} bytes in {took:.2f} s")
    return out


def require_exe(path, what):
    if not path or not os.path.isfile(path) or not os.access(path, os.X_OK):
        raise Failure(f"{what} not found or not executable: {path}")


def bundle_for_node(esbuild, entry, outdir):
    """TypeScript (and anything non-plain) goes through esbuild first, exactly
    as jspack would bundle it; plain .js runs from source."""
    if entry.endswith(".js"):
        return entry
    require_exe(esbuild, "esbuild")
    out = os.path.join(outdir, os.path.splitext(os.path.basename(entry))[0] + ".js")
    proc = run([esbuild, entry, "--bundle", "--platform=node", "--format=cjs",
                "--log-level=warning", f"--outfile={out}"])
    if proc.returncode != 0:
        show("stderr", proc.stderr)
        raise Failure(f"esbuild failed for {entry}")
    return out


def cmd_sample(opts):
    case = Case(opts.case)
    with TempDir(opts.tmp) as tmp:
        cwd = os.path.join(tmp, "cwd")
        os.mkdir(cwd)
        env = dict(case.env)
        if opts.mode == "node":
            node = opts.node or shutil.which("node")
            if not node or not os.path.exists(node):
                raise Skip("node is not installed")
            node = os.path.realpath(node)
            script = bundle_for_node(opts.esbuild, case.entry, tmp)
            cmd = [node, script, *case.args]
            env["JSPACK_SAMPLE_EXPECT_ARGV0"] = node
            env["JSPACK_SAMPLE_EXPECT_ARGV1"] = script
        elif opts.mode == "run":
            require_exe(opts.jspack, "jspack")
            cmd = [opts.jspack, "run", case.entry, *case.args]
            # argv[0] of `jspack run` (jspack, or the runtime it becomes) is
            # not pinned down by the contract beyond "the executable";
            # argv[1] is the entry's path.
            env["JSPACK_SAMPLE_EXPECT_ARGV0"] = "@absolute"
            env["JSPACK_SAMPLE_EXPECT_ARGV1"] = case.entry
        else:
            require_exe(opts.jspack, "jspack")
            build_dir, out_dir = os.path.join(tmp, "build"), os.path.join(tmp, "out")
            os.mkdir(build_dir)
            os.mkdir(out_dir)
            built = pack(opts.jspack, case.entry, os.path.join(build_dir, "app"),
                         extra=opts.pack_arg or ())
            # Shipped: the file is moved away from where it was built, and
            # the build folder is gone.
            exe = os.path.join(out_dir, "app")
            os.rename(built, exe)
            os.rmdir(build_dir)
            cmd = [exe, *case.args]
            env["JSPACK_SAMPLE_EXPECT_ARGV0"] = exe
            env["JSPACK_SAMPLE_EXPECT_ARGV1"] = os.path.join(out_dir, os.path.basename(case.entry))
        log("$ " + " ".join(cmd) + (f"  (env {case.env})" if case.env else ""))
        proc = run(cmd, env=env, cwd=cwd, stdin=case.stdin)
        check_output(case, proc, f"{case.name} ({opts.mode})")


# ---------------------------------------------------------------- sigint

def cmd_sigint(opts):
    entry = find_entry(os.path.join(ROOT, "samples", opts.sample))
    with TempDir(opts.tmp) as tmp:
        if opts.mode == "node":
            node = opts.node or shutil.which("node")
            if not node or not os.path.exists(node):
                raise Skip("node is not installed")
            cmd = [node, entry]
        elif opts.mode == "run":
            require_exe(opts.jspack, "jspack")
            cmd = [opts.jspack, "run", entry]
        else:
            require_exe(opts.jspack, "jspack")
            cmd = [pack(opts.jspack, entry, os.path.join(tmp, "app"))]
        log("$ " + " ".join(cmd))
        env = dict(BASE_ENV)
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=tmp)
        try:
            line = read_line_with_timeout(proc, 60)
            if line != b"ready\n":
                raise Failure(f"expected 'ready' on stdout first, got {line!r}")
            # Give the app a moment to enter the loop, as a user would.
            time.sleep(0.2)
            t0 = time.monotonic()
            proc.send_signal(signal.SIGINT)
            try:
                out, err = proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                raise Failure("still running 20 s after SIGINT")
            took = time.monotonic() - t0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if proc.returncode != -signal.SIGINT:
            show("stdout after ready", out)
            show("stderr", err)
            raise Failure(f"{describe_status(proc.returncode)} after SIGINT; expected "
                          "killed by SIGINT (shell status 130)")
        if out:
            show("stdout after ready", out)
            raise Failure("printed more after SIGINT")
        log(f"ok: killed by SIGINT {took * 1000:.0f} ms after the signal")


def read_line_with_timeout(proc, timeout):
    import selectors
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    buf = b""
    deadline = time.monotonic() + timeout
    while not buf.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not sel.select(left):
            raise Failure(f"no line on stdout within {timeout} s (got {buf!r})")
        chunk = os.read(proc.stdout.fileno(), 1)
        if not chunk:
            err = proc.stderr.read()
            proc.wait()
            show("stderr", err)
            raise Failure(f"stdout closed before a full line ({buf!r}); "
                          f"{describe_status(proc.returncode)}")
        buf += chunk
    return buf


# ---------------------------------------------------------------- bad input

ERROR_LINE = re.compile(r"^jspack: error: .+\. .+$")


def snapshot_tree(root):
    """Every path under root with its size and mtime: new, removed or changed
    files show up as differences."""
    result = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            result[os.path.relpath(path, root)] = (stat.S_IFMT(st.st_mode), st.st_size, st.st_mtime_ns)
    return result


def as_nobody():
    def drop():
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    return drop


def bad_cases():
    """name -> (setup(tmp, jspack) -> (argv, regexes, options)). Paths in
    argv are absolute. options: unprivileged (needs a non-root user to mean
    anything), keep (files whose bytes must not change)."""
    hello = os.path.join(ROOT, "samples", "hello", "app.js")

    def write(path, text, mode=None):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        if mode is not None:
            os.chmod(path, mode)
        return path

    def app(tmp):
        return write(os.path.join(tmp, "src", "app.js"), "console.log('hi');\n")

    def out(tmp):
        return os.path.join(tmp, "out", "app")

    cases = {}

    def case(fn):
        cases[fn.__name__.replace("_", "-")] = fn
        return fn

    @case
    def missing_entry(tmp, jspack):
        entry = os.path.join(tmp, "src", "nope.js")
        return [entry, "-o", out(tmp)], [re.escape(entry), "(?i)not found|no such|does not exist|missing"], {}

    @case
    def entry_is_directory(tmp, jspack):
        entry = os.path.join(tmp, "src", "adir")
        os.makedirs(entry)
        return [entry, "-o", out(tmp)], [re.escape(entry), "(?i)director"], {}

    @case
    def entry_unreadable(tmp, jspack):
        entry = write(os.path.join(tmp, "src", "secret.js"), "console.log(1);\n", 0o000)
        return ([entry, "-o", out(tmp)], [re.escape(entry), "(?i)permission|denied|read"],
                {"unprivileged": True})

    @case
    def syntax_error(tmp, jspack):
        entry = write(os.path.join(tmp, "src", "broken.js"),
                      "'use strict';\nconst a = 1;\nconst b = (a +;\nconsole.log(b);\n")
        return [entry, "-o", out(tmp)], [r"broken\.js:3:\d+"], {}

    @case
    def unresolved_import(tmp, jspack):
        entry = write(os.path.join(tmp, "src", "app.js"),
                      "import pad from 'left-pad-not-installed-xyz';\nconsole.log(pad('a', 3));\n")
        return [entry, "-o", out(tmp)], [r"left-pad-not-installed-xyz"], {}

    @case
    def unresolved_relative_import(tmp, jspack):
        entry = write(os.path.join(tmp, "src", "app.js"),
                      "import { x } from './helpers/missing-module.js';\nconsole.log(x);\n")
        return [entry, "-o", out(tmp)], [r"missing-module\.js"], {}

    @case
    def output_is_entry(tmp, jspack):
        entry = app(tmp)
        return ([entry, "-o", entry], [re.escape(entry), "(?i)overwrite|same|entry"],
                {"keep": [entry]})

    @case
    def output_dir_missing(tmp, jspack):
        entry = app(tmp)
        target = os.path.join(tmp, "out", "no", "such", "dir", "app")
        return ([entry, "-o", target], [re.escape(os.path.dirname(target)), "(?i)not found|no such|does not exist|missing"],
                {})

    @case
    def output_is_directory(tmp, jspack):
        target = os.path.join(tmp, "out", "existing-dir")
        os.makedirs(target)
        return [app(tmp), "-o", target], [re.escape(target), "(?i)director"], {}

    @case
    def output_dir_readonly(tmp, jspack):
        entry = app(tmp)
        ro = os.path.join(tmp, "out", "ro")
        os.makedirs(ro)
        os.chmod(ro, 0o555)
        return ([entry, "-o", os.path.join(ro, "app")],
                [re.escape(ro), "(?i)permission|denied|read-only|writ"],
                {"unprivileged": True})

    @case
    def runtime_missing(tmp, jspack):
        rt = os.path.join(tmp, "src", "no-such-runtime")
        return ([app(tmp), "-o", out(tmp), "--runtime", rt], [re.escape(rt), "(?i)not found|no such|does not exist|missing"],
                {})

    @case
    def runtime_not_jspack(tmp, jspack):
        return ([app(tmp), "-o", out(tmp), "--runtime", "/bin/true"], [r"/bin/true", "(?i)runtime"],
                {"keep": ["/bin/true"]})

    @case
    def runtime_text_file(tmp, jspack):
        rt = write(os.path.join(tmp, "src", "runtime.txt"), "this is not a runtime\n", 0o755)
        return ([app(tmp), "-o", out(tmp), "--runtime", rt], [re.escape(rt), "(?i)runtime"],
                {"keep": [rt]})

    @case
    def runtime_packed_app(tmp, jspack):
        packed = os.path.join(tmp, "src", "packed-hello")
        pack(jspack, hello, packed)
        return ([app(tmp), "-o", out(tmp), "--runtime", packed],
                [re.escape(packed), "(?i)runtime|packed"], {"keep": [packed]})

    @case
    def esbuild_missing(tmp, jspack):
        eb = os.path.join(tmp, "src", "no-such-esbuild")
        return ([app(tmp), "-o", out(tmp), "--esbuild", eb], [re.escape(eb), "(?i)not found|no such|does not exist|missing"],
                {})

    @case
    def run_missing_entry(tmp, jspack):
        entry = os.path.join(tmp, "src", "nope.js")
        return ["run", entry], [re.escape(entry), "(?i)not found|no such|does not exist|missing"], {}

    @case
    def run_syntax_error(tmp, jspack):
        # --bundle: the bundler's error; without it the runtime reports the
        # SyntaxError as node does.
        entry = write(os.path.join(tmp, "src", "broken.js"), "let x = ;\n")
        return ["run", "--bundle", entry], [r"broken\.js:1:\d+"], {}

    @case
    def unknown_option(tmp, jspack):
        return [app(tmp), "-o", out(tmp), "--frobnicate"], [r"--frobnicate"], {}

    @case
    def output_flag_without_value(tmp, jspack):
        return [app(tmp), "-o"], [r"-o\b"], {}

    return cases


def cmd_bad_input(opts):
    cases = bad_cases()
    if opts.case not in cases:
        raise Failure(f"unknown bad-input case {opts.case}; known: {', '.join(cases)}")
    require_exe(opts.jspack, "jspack")
    with TempDir(opts.tmp) as tmp:
        os.chmod(tmp, 0o755)
        os.makedirs(os.path.join(tmp, "out"))
        os.makedirs(os.path.join(tmp, "src"), exist_ok=True)
        argv, patterns, options = cases[opts.case](tmp, opts.jspack)
        preexec = None
        if options.get("unprivileged") and os.geteuid() == 0:
            # Root reads and writes through any mode bits, so the case means
            # nothing as root: run jspack as nobody instead, or skip.
            for path in (os.path.join(tmp, "out"), os.path.join(tmp, "src")):
                for dirpath, dirnames, filenames in os.walk(path):
                    os.chown(dirpath, 65534, 65534)
            probe = run([opts.jspack, "--version"], preexec_fn=as_nobody(), cwd=tmp)
            if probe.returncode != 0:
                show("stderr", probe.stderr)
                raise Skip("running as root, and jspack does not run as user nobody "
                           "(needed because root ignores permission bits)")
            log("running as root: this case runs jspack as user nobody")
            preexec = as_nobody()
        keep = {p: open(p, "rb").read() for p in options.get("keep", [])}
        before = snapshot_tree(tmp)
        cmd = [opts.jspack, *argv]
        log("$ " + " ".join(cmd))
        proc = run(cmd, cwd=os.path.join(tmp, "out"), preexec_fn=preexec)
        after = snapshot_tree(tmp)
        stderr = proc.stderr.decode("utf-8", "replace")
        show("stderr", stderr)
        problems = []
        if proc.returncode != 1:
            problems.append(f"{describe_status(proc.returncode)}, expected exit 1")
        lines = stderr.rstrip("\n").split("\n")
        if len(lines) != 1 or not ERROR_LINE.match(lines[0]):
            problems.append("stderr is not one line 'jspack: error: <cause>. <fix>'")
        for pattern in patterns:
            if not re.search(pattern, stderr):
                problems.append(f"message does not match /{pattern}/")
        if proc.stdout:
            show("stdout", proc.stdout)
        added = sorted(set(after) - set(before))
        removed = sorted(set(before) - set(after))
        changed = sorted(p for p in set(before) & set(after)
                         if before[p] != after[p] and before[p][0] != stat.S_IFDIR)
        if added:
            problems.append(f"left files behind: {added}")
        if removed:
            problems.append(f"removed files: {removed}")
        if changed:
            problems.append(f"changed files: {changed}")
        for path, data in keep.items():
            with open(path, "rb") as f:
                if f.read() != data:
                    problems.append(f"modified {path}")
        if problems:
            raise Failure("; ".join(problems))
        log(f"ok: exit 1, one error line, nothing left behind")


# ---------------------------------------------------------------- damaged

TRAILER_SIZE = 40
ENTRY_SIZE = 40
TRAILER_MAGIC = b"JSPACKP1"
LOCATOR_MAGIC = b"JSPACK-LOCATOR-1"


def parse_layout(data):
    """Regions of a packed file, from its trailer (runtime/payload/format.h)."""
    if data[-8:] != TRAILER_MAGIC:
        raise Failure("packed file does not end with the trailer magic JSPACKP1")
    trailer_at = len(data) - TRAILER_SIZE
    offset, length, version, count, payload_crc, trailer_crc = struct.unpack_from(
        "<QQIIII", data, trailer_at)
    if zlib.crc32(data[trailer_at:trailer_at + 28]) != trailer_crc:  # 5 fields
        raise Failure("trailer crc32 does not match (format changed?)")
    table_at = trailer_at - count * ENTRY_SIZE
    if offset + length != trailer_at or table_at < offset:
        raise Failure(f"trailer fields inconsistent: offset={offset} length={length} count={count}")
    sections = []
    for i in range(count):
        kind, comp, off, stored, raw, crc, _ = struct.unpack_from(
            "<IIQQQII", data, table_at + i * ENTRY_SIZE)
        sections.append({"kind": kind, "offset": offset + off, "stored": stored})
    locator = elf_section_offset(data, ".jspack_locator")
    return {"payload": offset, "table": table_at, "trailer": trailer_at,
            "size": len(data), "sections": sections, "version": version,
            "locator": locator}


def elf_section_offset(data, wanted):
    """File offset of a section of a little-endian ELF64 file, or -1. The
    locator magic string may also appear in the runtime's code, so it is found
    by section name, as the runtime does."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return -1
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    if not shoff or shoff + shnum * shentsize > len(data) or shstrndx >= shnum:
        return -1
    def header(i):
        name, _type, _flags, _addr, off, size = struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize)
        return name, off, size
    _, strtab, _ = header(shstrndx)
    for i in range(shnum):
        name, off, size = header(i)
        end = data.find(b"\0", strtab + name)
        if data[strtab + name:end].decode("latin-1") == wanted:
            return off if data[off:off + len(LOCATOR_MAGIC)] == LOCATOR_MAGIC else -1
    return -1


def damage_variants(data, lay):
    """(name, damaged bytes) pairs."""
    p, t, tr, size = lay["payload"], lay["table"], lay["trailer"], lay["size"]
    out = []

    def truncate(name, at):
        out.append((f"truncate-{name}@{at}", data[:at]))

    def flip(name, at, bit=0):
        b = bytearray(data)
        b[at] ^= 1 << bit
        out.append((f"flip-{name}@{at}", bytes(b)))

    truncate("whole-payload", p)
    truncate("payload-data-start", p + 1)
    truncate("payload-data-middle", (p + t) // 2)
    truncate("table-start", t)
    truncate("table-middle", t + ENTRY_SIZE // 2)
    truncate("trailer-start", tr)
    truncate("trailer-middle", tr + TRAILER_SIZE // 2)
    truncate("last-byte", size - 1)

    for i, sec in enumerate(lay["sections"]):
        if sec["stored"] > 0:
            flip(f"section{i}-kind{sec['kind']}-first-byte", sec["offset"])
            flip(f"section{i}-kind{sec['kind']}-middle", sec["offset"] + sec["stored"] // 2, 3)
            flip(f"section{i}-kind{sec['kind']}-last-byte", sec["offset"] + sec["stored"] - 1, 7)
    fields = [("kind", 0), ("compression", 4), ("offset", 8), ("stored_size", 16),
              ("raw_size", 24), ("raw_crc32", 32)]
    for name, rel in fields:
        flip(f"table-entry0-{name}", t + rel)
    if len(lay["sections"]) > 1:
        flip("table-last-entry-stored_size", t + (len(lay["sections"]) - 1) * ENTRY_SIZE + 16, 1)
    for name, rel, bit in [("payload_offset", 0, 0), ("payload_offset-high", 7, 6),
                           ("payload_length", 8, 2), ("format_version", 16, 0),
                           ("section_count", 20, 0), ("section_count-huge", 23, 7),
                           ("payload_crc32", 24, 0), ("trailer_crc32", 28, 0),
                           ("magic", 32, 0), ("magic-last", 39, 0)]:
        flip(f"trailer-{name}", tr + rel, bit)

    # Tampered: the same kind of damage, then the payload and trailer
    # checksums recomputed, so the outer checks pass and the table bounds,
    # section checksums and zstd frames themselves must catch it.
    def tamper(name, at, bit=0):
        b = bytearray(data)
        b[at] ^= 1 << bit
        b[tr + 24:tr + 28] = struct.pack("<I", zlib.crc32(bytes(b[p:tr])))
        b[tr + 28:tr + 32] = struct.pack("<I", zlib.crc32(bytes(b[tr:tr + 28])))
        out.append((f"tamper-{name}@{at}", bytes(b)))

    for i, sec in enumerate(lay["sections"]):
        if sec["stored"] > 0:
            tamper(f"section{i}-kind{sec['kind']}-data", sec["offset"] + sec["stored"] // 2, 2)
            tamper(f"section{i}-kind{sec['kind']}-last-byte", sec["offset"] + sec["stored"] - 1, 0)
        entry = t + i * ENTRY_SIZE
        tamper(f"table-entry{i}-offset", entry + 8, 0)
        tamper(f"table-entry{i}-offset-huge", entry + 15, 6)
        tamper(f"table-entry{i}-stored_size", entry + 16, 1)
        tamper(f"table-entry{i}-stored_size-huge", entry + 23, 5)
        tamper(f"table-entry{i}-raw_size", entry + 24, 0)
        tamper(f"table-entry{i}-raw_size-huge", entry + 31, 4)
        tamper(f"table-entry{i}-raw_crc32", entry + 32, 3)
        tamper(f"table-entry{i}-compression", entry + 4, 0)
    tamper("trailer-section_count", tr + 20, 0)
    tamper("trailer-section_count-huge", tr + 23, 7)
    tamper("trailer-payload_offset", tr + 0, 3)
    tamper("trailer-payload_length", tr + 8, 4)

    zeroed = bytearray(data)
    zeroed[p:t] = bytes(t - p)
    out.append(("zero-payload-data", bytes(zeroed)))
    out.append(("append-1-byte", data + b"\0"))
    out.append(("append-4k-garbage", data + bytes((i * 37 + 11) & 0xFF for i in range(4096))))
    out.append(("append-copy-of-trailer", data + data[tr:]))
    if lay["locator"] >= 0:
        loc = lay["locator"]
        flip("locator-payload_offset", loc + 16)
        flip("locator-file_size", loc + 32)
    return out


def cmd_damaged(opts):
    require_exe(opts.jspack, "jspack")
    entry = find_entry(os.path.join(ROOT, "samples", opts.sample))
    with TempDir(opts.tmp) as tmp:
        good = pack(opts.jspack, entry, os.path.join(tmp, "good"), extra=opts.pack_arg or ())
        proc = run([good], cwd=tmp)
        if proc.returncode != 0:
            show("stderr", proc.stderr)
            raise Failure(f"the undamaged app fails: {describe_status(proc.returncode)}")
        good_stdout = proc.stdout
        with open(good, "rb") as f:
            data = f.read()
        lay = parse_layout(data)
        log(f"layout: size={lay['size']} payload@{lay['payload']} table@{lay['table']} "
            f"trailer@{lay['trailer']} sections="
            + ",".join(f"kind{s['kind']}:{s['stored']}B" for s in lay["sections"])
            + (f" locator@{lay['locator']}" if lay["locator"] >= 0 else " (no locator found)"))
        variants = damage_variants(data, lay)
        if opts.only:
            variants = [v for v in variants if any(o in v[0] for o in opts.only.split(","))]
        failures = []
        exe = os.path.join(tmp, "damaged-app")
        pattern = re.compile(r"damaged-app: payload is damaged \(.+\); rebuild it with jspack")
        for name, bytes_ in variants:
            with open(exe, "wb") as f:
                f.write(bytes_)
            os.chmod(exe, 0o755)
            try:
                proc = run([exe], cwd=tmp, timeout=60)
            except Failure as e:
                failures.append((name, str(e)))
                log(f"FAIL {name}: {e}")
                continue
            stderr = proc.stderr.decode("utf-8", "replace")
            code = proc.returncode
            problems = []
            if code == 0:
                problems.append("exit 0")
            elif code < 0 or code in (134, 139) or code > 128:
                problems.append(describe_status(code) if code < 0 else f"exit {code} (a crash)")
            if not pattern.search(stderr):
                problems.append("no 'damaged-app: payload is damaged (...); rebuild it with jspack' on stderr")
            if good_stdout and good_stdout in proc.stdout:
                problems.append("the app ran anyway")
            first = stderr.strip().splitlines()[0] if stderr.strip() else "(no stderr)"
            if (name.startswith("tamper-") and code == 0 and proc.stdout == good_stdout
                    and not stderr):
                # Checksums are not a signature: a forged section the boot
                # path never reads (the bundle under an app snapshot, the
                # source map until an error) may be checked only when read.
                # What a forgery must never cause is a crash or wrong output.
                log(f"ok   {name}: ran exactly as the undamaged app (section not read on "
                    "this boot path)")
                continue
            if problems:
                failures.append((name, "; ".join(problems)))
                log(f"FAIL {name}: {'; '.join(problems)} | {describe_status(code)} | {first[:300]}")
            else:
                log(f"ok   {name}: exit {code} | {first[:200]}")
        log(f"{len(variants) - len(failures)}/{len(variants)} damaged variants handled")
        if failures:
            raise Failure(f"{len(failures)} damaged variants mishandled: "
                          + ", ".join(n for n, _ in failures))


# ---------------------------------------------------------------- debug boot

# The boot line names the path; a detail in parentheses may follow, e.g.
# "[jspack] boot: app snapshot (949064 bytes)".
_DETAIL = r"(?: \(.*\))?$"
BOOT_LINES = {
    "packed": r"^\[jspack\] boot: app snapshot" + _DETAIL,
    "no-snapshot": r"^\[jspack\] boot: base snapshot \+ bundle source" + _DETAIL,
    # `jspack run` of a .js entry: the runtime's node-compatible command.
    "run": r"^\[jspack\] boot: node command, base snapshot" + _DETAIL,
}


def cmd_debug_boot(opts):
    require_exe(opts.jspack, "jspack")
    entry = find_entry(os.path.join(ROOT, "samples", opts.sample))
    with TempDir(opts.tmp) as tmp:
        if opts.variant == "run":
            cmd = [opts.jspack, "run", entry]
        else:
            extra = ["--no-snapshot"] if opts.variant == "no-snapshot" else []
            cmd = [pack(opts.jspack, entry, os.path.join(tmp, "app"), extra=extra)]
        log("$ JSPACK_DEBUG=1 " + " ".join(cmd))
        debug = run(cmd, env={"JSPACK_DEBUG": "1"}, cwd=tmp)
        quiet = run(cmd, cwd=tmp)
        stderr = debug.stderr.decode("utf-8", "replace")
        show("stderr with JSPACK_DEBUG=1", stderr)
        problems = []
        if debug.returncode != 0 or quiet.returncode != 0:
            problems.append(f"{describe_status(debug.returncode)} with JSPACK_DEBUG=1, "
                            f"{describe_status(quiet.returncode)} without")
        if debug.stdout != quiet.stdout or not quiet.stdout:
            problems.append(f"stdout with debug {debug.stdout!r} vs without {quiet.stdout!r}")
        if not re.search(BOOT_LINES[opts.variant], stderr, re.MULTILINE):
            problems.append(f"no line /{BOOT_LINES[opts.variant]}/ on stderr")
        boot_lines = re.findall(r"^\[jspack\] boot: .*$", stderr, re.MULTILINE)
        if len(boot_lines) != 1:
            problems.append(f"expected exactly one boot line, got {boot_lines}")
        noise = [l for l in stderr.splitlines() if l and not l.startswith("[jspack]")]
        if noise:
            problems.append(f"stderr lines not starting with [jspack]: {noise[:3]}")
        if quiet.stderr:
            show("stderr without JSPACK_DEBUG", quiet.stderr)
            problems.append("stderr not empty without JSPACK_DEBUG")
        if problems:
            raise Failure("; ".join(problems))
        log(f"ok: {boot_lines[0]}")


# ---------------------------------------------------------------- cli, reproducible

def cmd_cli(opts):
    require_exe(opts.jspack, "jspack")
    if opts.what == "version":
        proc = run([opts.jspack, "--version"])
        show("stdout", proc.stdout)
        if proc.returncode != 0 or not re.search(rb"\b\d+\.\d+\.\d+\b", proc.stdout):
            show("stderr", proc.stderr)
            raise Failure(f"--version: {describe_status(proc.returncode)}, expected exit 0 "
                          "and a version number x.y.z on stdout")
    else:
        proc = run([opts.jspack, "--help"])
        show("stdout", proc.stdout)
        text = proc.stdout.decode("utf-8", "replace")
        missing = [w for w in ("jspack", "run", "-o", "--runtime", "--esbuild", "--no-snapshot")
                   if w not in text]
        if proc.returncode != 0 or missing:
            raise Failure(f"--help: {describe_status(proc.returncode)}, missing {missing}")
    log(f"ok: {opts.what}")


def cmd_reproducible(opts):
    require_exe(opts.jspack, "jspack")
    entry = find_entry(os.path.join(ROOT, "samples", opts.sample))
    with TempDir(opts.tmp) as tmp:
        outs = []
        for name in ("a", "b"):
            os.mkdir(os.path.join(tmp, name))
            outs.append(pack(opts.jspack, entry, os.path.join(tmp, name, "app")))
        a, b = outs
        with open(a, "rb") as fa, open(b, "rb") as fb:
            da, db = fa.read(), fb.read()
        if da != db:
            first = next((i for i in range(min(len(da), len(db))) if da[i] != db[i]), min(len(da), len(db)))
            try:
                la, lb = parse_layout(da), parse_layout(db)
                names = {1: "manifest", 2: "snapshot", 3: "bundle", 4: "source map"}
                differ = [f"{names.get(x['kind'], x['kind'])} ({x['stored']} vs {y['stored']} bytes)"
                          for x, y in zip(la["sections"], lb["sections"])
                          if da[x["offset"]:x["offset"] + x["stored"]]
                          != db[y["offset"]:y["offset"] + y["stored"]]]
                stub_a, stub_b = bytearray(da[:la["payload"]]), bytearray(db[:lb["payload"]])
                for stub, lay in ((stub_a, la), (stub_b, lb)):
                    if lay["locator"] >= 0:  # differs whenever the payload size does
                        stub[lay["locator"]:lay["locator"] + 56] = bytes(56)
                where = (f"sections that differ: {differ or 'none'}; runtime stub outside "
                         f"the locator: {'same' if stub_a == stub_b else 'differs'}")
            except Failure as e:
                where = f"(layout unreadable: {e})"
            raise Failure(f"two packs differ: sizes {len(da)} and {len(db)}, first difference "
                          f"at byte {first}; {where}")
        log(f"ok: two packs are identical ({len(da)} bytes)")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jspack", default=os.path.join(ROOT, "build", "bin", "jspack"))
    ap.add_argument("--node", default=None, help="node for --mode node (default: PATH)")
    ap.add_argument("--esbuild", default=os.path.join(ROOT, "build", "bin", "esbuild"),
                    help="esbuild that bundles .ts samples for node")
    ap.add_argument("--tmp", default=None, help="parent of temporary folders")
    sub = ap.add_subparsers(dest="cmd", required=True)

    s = sub.add_parser("sample")
    s.add_argument("case")
    s.add_argument("--mode", choices=["pack", "run", "node"], default="pack")
    s.add_argument("--pack-arg", action="append", help="extra jspack argument")

    s = sub.add_parser("sigint")
    s.add_argument("--sample", default="sigint")
    s.add_argument("--mode", choices=["pack", "run", "node"], default="pack")

    s = sub.add_parser("bad-input")
    s.add_argument("case", help="one of: " + ", ".join(bad_cases()))

    s = sub.add_parser("damaged")
    s.add_argument("--sample", default="hello")
    s.add_argument("--only", help="comma-separated substrings of variant names")
    s.add_argument("--pack-arg", action="append", help="extra jspack argument")

    s = sub.add_parser("debug-boot")
    s.add_argument("variant", choices=sorted(BOOT_LINES))
    s.add_argument("--sample", default="hello")

    s = sub.add_parser("cli")
    s.add_argument("what", choices=["version", "help"])

    s = sub.add_parser("reproducible")
    s.add_argument("--sample", default="hello")

    sub.add_parser("list-bad-input")

    opts = ap.parse_args()
    if opts.cmd == "list-bad-input":
        print("\n".join(bad_cases()))
        return 0
    handlers = {"sample": cmd_sample, "sigint": cmd_sigint, "bad-input": cmd_bad_input,
                "damaged": cmd_damaged, "debug-boot": cmd_debug_boot, "cli": cmd_cli,
                "reproducible": cmd_reproducible}
    try:
        handlers[opts.cmd](opts)
    except Skip as e:
        log(f"SKIP: {e}")
        return SKIP
    except Failure as e:
        log(f"FAIL: {e}")
        return 1
    log("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
