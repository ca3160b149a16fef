// Command jmeter-pod is the one helper the JMeter image needs beside java and JMeter, because the image
// has no shell: the action drives the controller pod with `kubectl exec` and moves files through stdin
// and stdout, with no tar or sh in the image and no ConfigMap size limit (1 MiB) on the tests.
//
//	jmeter-pod hold SECONDS   the controller pod's main process: waits for SIGTERM, at most SECONDS
//	jmeter-pod put DIR        reads {"files":[{"path":"a/b.jmx","mode":420,"data":"<base64>"}]} from
//	                          stdin and writes each file under DIR (relative paths inside DIR only)
//	jmeter-pod cat FILE       copies FILE to stdout (the results file, JMeter's log)
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) != 3 {
		die("usage: jmeter-pod hold SECONDS | put DIR | cat FILE")
	}
	switch arg := os.Args[2]; os.Args[1] {
	case "hold":
		hold(arg)
	case "put":
		put(arg)
	case "cat":
		cat(arg)
	default:
		die("unknown command %q (hold, put, cat)", os.Args[1])
	}
}

func hold(arg string) {
	seconds, err := strconv.Atoi(arg)
	if err != nil || seconds <= 0 {
		die("hold: SECONDS must be a positive integer, got %q", arg)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	select {
	case <-stop:
	case <-time.After(time.Duration(seconds) * time.Second):
	}
}

type upload struct {
	Files []struct {
		Path string `json:"path"`
		Mode uint32 `json:"mode"`
		Data []byte `json:"data"`
	} `json:"files"`
}

func put(dir string) {
	var u upload
	if err := json.NewDecoder(os.Stdin).Decode(&u); err != nil {
		die("put: stdin is not the expected JSON: %v", err)
	}
	for _, f := range u.Files {
		clean := filepath.Clean(f.Path)
		if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
			die("put: %q is not a relative path inside %s", f.Path, dir)
		}
		target := filepath.Join(dir, clean)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			die("put: %v", err)
		}
		mode := os.FileMode(f.Mode & 0o777)
		if mode == 0 {
			mode = 0o644
		}
		if err := os.WriteFile(target, f.Data, mode); err != nil {
			die("put: %v", err)
		}
	}
	fmt.Printf("%d files in %s\n", len(u.Files), dir)
}

func cat(file string) {
	f, err := os.Open(file)
	if err != nil {
		die("cat: %v", err)
	}
	defer f.Close()
	if _, err := io.Copy(os.Stdout, f); err != nil {
		die("cat: %v", err)
	}
}

func die(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "jmeter-pod: "+format+"\n", args...)
	os.Exit(1)
}
