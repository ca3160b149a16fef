// Command mkoci writes a single-layer OCI image layout from local files, reproducibly: the same
// inputs give byte-identical blobs and digests (sorted tar entries, mtime 0, uid/gid 0, gzip without
// a timestamp, no "created" time in the config). e2e/images/build.sh uses it so the test images are
// built from source and cached by content; crane pushes the layouts to the local registry.
//
//	mkoci -layout DIR -ref TAG [-entrypoint /bin] [-cmd arg]... [-env K=V]... [-user 65534:65534]
//	      [-port 8080/tcp]... [-label k=v]... [-workdir /] [-tree SRCDIR:/DEST]... SRC:DEST[:MODE]... DIR:/path/
//
// A DEST ending in "/" makes an empty directory (SRC ignored, may be empty). MODE is octal (default
// 0755 for files). -tree copies a whole directory (a JRE, a JMeter installation): files keep their
// permission bits, symbolic links stay links. It prints the manifest digest.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

type entry struct {
	src, dest string
	mode      int64
	dir       bool
	link      string // a symbolic link's target
}

func main() {
	layout := flag.String("layout", "", "output OCI layout directory (replaced)")
	ref := flag.String("ref", "latest", "tag recorded as org.opencontainers.image.ref.name")
	entrypoint := flag.String("entrypoint", "", "entrypoint (one argument)")
	user := flag.String("user", "", "user[:group]")
	workdir := flag.String("workdir", "/", "working directory")
	arch := flag.String("arch", runtime.GOARCH, "architecture")
	var cmd, env, ports, labels, trees multi
	flag.Var(&cmd, "cmd", "cmd argument (repeatable)")
	flag.Var(&env, "env", "K=V (repeatable)")
	flag.Var(&ports, "port", "exposed port, e.g. 8080/tcp (repeatable)")
	flag.Var(&labels, "label", "k=v (repeatable)")
	flag.Var(&trees, "tree", "SRCDIR:/DEST, a whole directory (repeatable)")
	flag.Parse()
	if *layout == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: mkoci -layout DIR -ref TAG [options] SRC:DEST[:MODE]...")
		os.Exit(2)
	}
	var entries []entry
	for _, t := range trees {
		entries = append(entries, walkTree(t)...)
	}
	for _, a := range flag.Args() {
		parts := strings.Split(a, ":")
		if len(parts) < 2 || len(parts) > 3 || !strings.HasPrefix(parts[1], "/") {
			die("bad file argument %q (want SRC:/DEST[:MODE])", a)
		}
		e := entry{src: parts[0], dest: strings.TrimPrefix(parts[1], "/"), mode: 0o755}
		if strings.HasSuffix(e.dest, "/") {
			e.dir, e.dest = true, strings.TrimSuffix(e.dest, "/")
		}
		if len(parts) == 3 {
			m, err := strconv.ParseInt(parts[2], 8, 32)
			if err != nil {
				die("bad mode in %q", a)
			}
			e.mode = m
		}
		entries = append(entries, e)
	}

	layerTar := buildTar(entries)
	diffID := digest(layerTar)
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression) // zero ModTime: reproducible
	_, _ = zw.Write(layerTar)
	_ = zw.Close()
	layer := gz.Bytes()

	cfg := map[string]any{"Env": nonNil(env), "WorkingDir": *workdir}
	if *entrypoint != "" {
		cfg["Entrypoint"] = []string{*entrypoint}
	}
	if len(cmd) > 0 {
		cfg["Cmd"] = []string(cmd)
	}
	if *user != "" {
		cfg["User"] = *user
	}
	if len(ports) > 0 {
		p := map[string]struct{}{}
		for _, x := range ports {
			p[x] = struct{}{}
		}
		cfg["ExposedPorts"] = p
	}
	if len(labels) > 0 {
		l := map[string]string{}
		for _, x := range labels {
			k, v, _ := strings.Cut(x, "=")
			l[k] = v
		}
		cfg["Labels"] = l
	}
	config := mustJSON(map[string]any{
		"architecture": *arch,
		"os":           "linux",
		"config":       cfg,
		"rootfs":       map[string]any{"type": "layers", "diff_ids": []string{diffID}},
		"history":      []map[string]string{{"created_by": "e2e/images/mkoci"}},
	})
	manifest := mustJSON(map[string]any{
		"schemaVersion": 2,
		"mediaType":     "application/vnd.oci.image.manifest.v1+json",
		"config":        desc("application/vnd.oci.image.config.v1+json", config, nil),
		"layers":        []any{desc("application/vnd.oci.image.layer.v1.tar+gzip", layer, nil)},
	})
	index := mustJSON(map[string]any{
		"schemaVersion": 2,
		"mediaType":     "application/vnd.oci.image.index.v1+json",
		"manifests": []any{desc("application/vnd.oci.image.manifest.v1+json", manifest,
			map[string]string{"org.opencontainers.image.ref.name": *ref})},
	})

	tmp := *layout + ".tmp"
	must(os.RemoveAll(tmp))
	must(os.MkdirAll(filepath.Join(tmp, "blobs", "sha256"), 0o755))
	for _, b := range [][]byte{layer, config, manifest} {
		must(os.WriteFile(filepath.Join(tmp, "blobs", "sha256", strings.TrimPrefix(digest(b), "sha256:")), b, 0o644))
	}
	must(os.WriteFile(filepath.Join(tmp, "oci-layout"), []byte(`{"imageLayoutVersion":"1.0.0"}`), 0o644))
	must(os.WriteFile(filepath.Join(tmp, "index.json"), index, 0o644))
	must(os.RemoveAll(*layout))
	must(os.Rename(tmp, *layout))
	fmt.Println(digest(manifest))
}

// buildTar makes the layer: parent directories first, entries sorted, fixed metadata.
func buildTar(entries []entry) []byte {
	dirs := map[string]bool{}
	files := map[string]entry{}
	for _, e := range entries {
		for d := filepath.Dir(e.dest); d != "." && d != "/"; d = filepath.Dir(d) {
			dirs[d] = true
		}
		if e.dir {
			dirs[e.dest] = true
		} else {
			files[e.dest] = e
		}
	}
	names := make([]string, 0, len(dirs)+len(files))
	for d := range dirs {
		names = append(names, d)
	}
	for f := range files {
		names = append(names, f)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, n := range names {
		if dirs[n] {
			mode := int64(0o755)
			if n == "tmp" {
				mode = 0o1777
			}
			must(tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: n + "/", Mode: mode}))
			continue
		}
		e := files[n]
		if e.link != "" {
			must(tw.WriteHeader(&tar.Header{Typeflag: tar.TypeSymlink, Name: n, Linkname: e.link, Mode: 0o777}))
			continue
		}
		data, err := os.ReadFile(e.src)
		must(err)
		must(tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: n, Mode: e.mode, Size: int64(len(data))}))
		_, err = tw.Write(data)
		must(err)
	}
	must(tw.Close())
	return buf.Bytes()
}

// walkTree lists SRCDIR's files and links under /DEST (directories follow from their parents).
func walkTree(arg string) []entry {
	src, dest, ok := strings.Cut(arg, ":")
	if !ok || !strings.HasPrefix(dest, "/") {
		die("bad -tree argument %q (want SRCDIR:/DEST)", arg)
	}
	var out []entry
	must(filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := strings.TrimPrefix(filepath.Join(dest, rel), "/")
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			out = append(out, entry{dest: target, dir: true})
		case info.Mode()&os.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			out = append(out, entry{src: p, dest: target, link: link})
		case info.Mode().IsRegular():
			out = append(out, entry{src: p, dest: target, mode: int64(info.Mode().Perm())})
		}
		return nil
	}))
	return out
}

func desc(mediaType string, b []byte, ann map[string]string) map[string]any {
	d := map[string]any{"mediaType": mediaType, "digest": digest(b), "size": len(b)}
	if ann != nil {
		d["annotations"] = ann
	}
	return d
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(s[:])
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v) // map keys are sorted: stable output
	must(err)
	return b
}

func nonNil(m multi) []string {
	if m == nil {
		return []string{}
	}
	return m
}

func must(err error) {
	if err != nil {
		die("%v", err)
	}
}

func die(f string, a ...any) {
	fmt.Fprintf(os.Stderr, "mkoci: "+f+"\n", a...)
	os.Exit(1)
}
