// Command carts is the sockshop "carts" service as a small static binary, for the real-node e2e
// tier (e2e/node). One image per version; what a version does is baked in at build time with
// -ldflags -X (see e2e/images/build.sh), never read from the environment, so a chart cannot
// change it:
//
//	version        the version it reports (/version, X-Carts-Version)
//	extraLatencyMs latency added to every request except /health and /metrics (0.8.2: 1000)
//	unready        "true": GET /health answers 503, so the readiness probe never passes (0.8.4)
//
// Modes:
//
//	carts [-listen :8080]                      serve (the image's entrypoint)
//	carts get URL                              GET URL, print the body; exit 1 unless 2xx
//	carts load -url URL [-rate 20] [-duration 10s] [-timeout 2s]
//	                                            send GETs at a fixed rate, one new connection each,
//	                                            print a JSON summary (sent, ok, failed, by version)
//
// API (as the JMeter plans in examples/carts/jmeter use it):
//
//	GET    /health                      200 {"status":"ok"} (503 while unready or draining)
//	GET    /version                     200 {"version":"0.8.1","source":"image"}
//	GET    /stats                       200 request counters
//	GET    /metrics                     Prometheus text format 0.0.4
//	POST   /carts/:customerId/items     201 the stored item; 400 on bad JSON
//	GET    /carts/:customerId           200 {"customerId","items":[...]}
//	GET    /carts/:customerId/items     200 [...items]
//	DELETE /carts/:customerId           202
//
// Every response carries X-Carts-Version. On SIGTERM it keeps serving for a drain period (health
// answers 503) so that kube-proxy can drop the endpoint before the listener closes, then lets
// in-flight requests finish and exits 0: a rolling update loses no requests.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Baked in with -ldflags "-X main.version=... -X main.extraLatencyMs=... -X main.unready=...".
var (
	version        = "dev"
	extraLatencyMs = "0"
	unready        = "false"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("carts: ")
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "get":
			os.Exit(getMain(os.Args[2:]))
		case "load":
			os.Exit(loadMain(os.Args[2:]))
		case "version", "-version", "--version":
			fmt.Println(version)
			return
		}
	}
	os.Exit(serveMain(os.Args[1:]))
}

// ---- server -------------------------------------------------------------------------------------

type item struct {
	ItemID    string  `json:"itemId"`
	UnitPrice float64 `json:"unitPrice"`
	Quantity  int     `json:"quantity"`
}

type server struct {
	latency  time.Duration
	unready  bool
	draining atomic.Bool

	mu       sync.Mutex
	carts    map[string]map[string]item
	order    map[string][]string // item ids in insertion order, per customer
	requests int64
	byStatus map[int]int64

	metrics *metrics
}

func serveMain(args []string) int {
	fs := flag.NewFlagSet("carts", flag.ContinueOnError)
	listen := fs.String("listen", ":8080", "listen address")
	drain := fs.Duration("drain", 4*time.Second, "keep serving this long after SIGTERM (health 503)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ms, err := strconv.Atoi(extraLatencyMs)
	if err != nil || ms < 0 {
		log.Printf("bad baked-in extraLatencyMs %q", extraLatencyMs)
		return 2
	}
	s := &server{
		latency:  time.Duration(ms) * time.Millisecond,
		unready:  unready == "true",
		carts:    map[string]map[string]item{},
		order:    map[string][]string{},
		byStatus: map[int]int64{},
		metrics:  newMetrics(),
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Print(err)
		return 1
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 30 * time.Second}
	log.Printf("version %s listening on %s (extra latency %s, unready %v)", version, ln.Addr(), s.latency, s.unready)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		log.Print(err)
		return 1
	case got := <-sig:
		// Lame duck: the endpoint is still in kube-proxy's rules for a moment after SIGTERM, so
		// keep accepting new connections; readiness fails meanwhile.
		s.draining.Store(true)
		log.Printf("%s: draining for %s", got, *drain)
		select {
		case <-time.After(*drain):
		case <-sig: // a second signal skips the drain
		}
	}
	grace := max(2*time.Second, s.latency+time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Printf("shutdown: %v (cut remaining connections)", err)
	}
	log.Print("stopped")
	return 0
}

// handler names follow the Spring controllers of the real carts, as its metrics labelled them
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: 200}
	rec.Header().Set("X-Carts-Version", version)
	handler := s.route(rec, r)
	s.mu.Lock()
	s.requests++
	s.byStatus[rec.status]++
	s.mu.Unlock()
	if handler != "" {
		s.metrics.observe(handler, time.Since(start))
	}
}

// route serves the request and returns the handler name for the metrics ("" = not measured).
func (s *server) route(w *statusRecorder, r *http.Request) string {
	path := strings.TrimRight(r.URL.Path, "/")
	if path == "" {
		path = "/"
	}
	switch path {
	case "/health":
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			sendJSON(w, 405, map[string]string{"error": "method not allowed"})
			return ""
		}
		if s.unready || s.draining.Load() {
			sendJSON(w, 503, map[string]string{"status": "unhealthy"})
		} else {
			sendJSON(w, 200, map[string]string{"status": "ok"})
		}
		return "" // probes are not part of the service's latency
	case "/metrics":
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		w.WriteHeader(200)
		s.metrics.write(w)
		return ""
	}

	// Read the body before the delay so a slow answer does not leave the upload hanging.
	var body []byte
	if r.Method == http.MethodPost || r.Method == http.MethodPut {
		var err error
		if body, err = io.ReadAll(io.LimitReader(r.Body, 1<<20)); err != nil {
			sendJSON(w, 400, map[string]string{"error": "cannot read body"})
			return ""
		}
	}
	if s.latency > 0 {
		time.Sleep(s.latency)
	}

	switch path {
	case "/version":
		sendJSON(w, 200, map[string]string{"version": version, "source": "image"})
		return "VersionController.getVersion"
	case "/stats":
		s.mu.Lock()
		st := map[string]any{"version": version, "requests": s.requests, "byStatus": s.byStatus, "carts": len(s.carts)}
		b, _ := json.Marshal(st)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(200)
		_, _ = w.Write(b)
		return ""
	}

	rest, ok := strings.CutPrefix(path, "/carts/")
	if !ok || rest == "" {
		sendJSON(w, 404, map[string]string{"error": "not found", "path": path})
		return ""
	}
	customer, sub, _ := strings.Cut(rest, "/")
	items := sub == "items"
	if sub != "" && !items {
		sendJSON(w, 404, map[string]string{"error": "not found", "path": path})
		return ""
	}
	switch {
	case items && r.Method == http.MethodPost:
		var in struct {
			ItemID    string   `json:"itemId"`
			UnitPrice *float64 `json:"unitPrice"`
			Quantity  int      `json:"quantity"`
		}
		if err := json.Unmarshal(body, &in); err != nil {
			sendJSON(w, 400, map[string]string{"error": "invalid JSON body"})
			return "ItemsController.addToCart"
		}
		if in.ItemID == "" {
			sendJSON(w, 400, map[string]string{"error": "itemId (string) is required"})
			return "ItemsController.addToCart"
		}
		price := 0.0
		if in.UnitPrice != nil {
			price = *in.UnitPrice
		}
		if math.IsNaN(price) || math.IsInf(price, 0) {
			sendJSON(w, 400, map[string]string{"error": "unitPrice must be a number"})
			return "ItemsController.addToCart"
		}
		q := in.Quantity
		if q <= 0 {
			q = 1
		}
		s.mu.Lock()
		cart := s.carts[customer]
		if cart == nil {
			cart = map[string]item{}
			s.carts[customer] = cart
		}
		it, existed := cart[in.ItemID]
		if existed {
			it.Quantity += q
			it.UnitPrice = price
		} else {
			it = item{ItemID: in.ItemID, UnitPrice: price, Quantity: q}
			s.order[customer] = append(s.order[customer], in.ItemID)
		}
		cart[in.ItemID] = it
		s.mu.Unlock()
		sendJSON(w, 201, it)
		return "ItemsController.addToCart"
	case items && r.Method == http.MethodGet:
		sendJSON(w, 200, s.itemsOf(customer))
		return "ItemsController.getItems"
	case !items && r.Method == http.MethodGet:
		sendJSON(w, 200, map[string]any{"customerId": customer, "items": s.itemsOf(customer)})
		return "CartsController.get"
	case !items && r.Method == http.MethodDelete:
		s.mu.Lock()
		delete(s.carts, customer)
		delete(s.order, customer)
		s.mu.Unlock()
		w.WriteHeader(202)
		return "CartsController.delete"
	}
	sendJSON(w, 405, map[string]string{"error": "method not allowed"})
	return ""
}

func (s *server) itemsOf(customer string) []item {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []item{}
	for _, id := range s.order[customer] {
		out = append(out, s.carts[customer][id])
	}
	return out
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func sendJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// ---- metrics (Prometheus text format 0.0.4, the names the real carts exposed) ---------------------

// bucket bounds of http_response_time_milliseconds, in ms
var bucketsMs = []float64{5, 10, 25, 50, 100, 250, 500, 750, 1000, 1500, 2500, 5000, 10000}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	count  uint64
	sumMs  float64
}

type metrics struct {
	mu       sync.Mutex
	byHandle map[string]*histogram
	count    uint64
	sumSec   float64
}

func newMetrics() *metrics { return &metrics{byHandle: map[string]*histogram{}} }

func (m *metrics) observe(handler string, d time.Duration) {
	ms := float64(d) / float64(time.Millisecond)
	m.mu.Lock()
	defer m.mu.Unlock()
	h := m.byHandle[handler]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(bucketsMs))}
		m.byHandle[handler] = h
	}
	for i, b := range bucketsMs {
		if ms <= b {
			h.counts[i]++
			break
		}
	}
	h.count++
	h.sumMs += ms
	m.count++
	m.sumSec += d.Seconds()
}

func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP http_response_time_milliseconds Response time of the carts API by handler, in milliseconds.")
	fmt.Fprintln(w, "# TYPE http_response_time_milliseconds histogram")
	names := make([]string, 0, len(m.byHandle))
	for n := range m.byHandle {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		h := m.byHandle[n]
		var cum uint64
		for i, b := range bucketsMs {
			cum += h.counts[i]
			fmt.Fprintf(w, "http_response_time_milliseconds_bucket{handler=%q,le=%q} %d\n", n, strconv.FormatFloat(b, 'f', -1, 64), cum)
		}
		fmt.Fprintf(w, "http_response_time_milliseconds_bucket{handler=%q,le=\"+Inf\"} %d\n", n, h.count)
		fmt.Fprintf(w, "http_response_time_milliseconds_sum{handler=%q} %s\n", n, strconv.FormatFloat(h.sumMs, 'g', -1, 64))
		fmt.Fprintf(w, "http_response_time_milliseconds_count{handler=%q} %d\n", n, h.count)
	}
	fmt.Fprintln(w, "# HELP requests_latency_seconds Latency of the carts API requests, in seconds.")
	fmt.Fprintln(w, "# TYPE requests_latency_seconds summary")
	fmt.Fprintf(w, "requests_latency_seconds_sum %s\n", strconv.FormatFloat(m.sumSec, 'g', -1, 64))
	fmt.Fprintf(w, "requests_latency_seconds_count %d\n", m.count)
	fmt.Fprintln(w, "# HELP carts_build_info The version baked into this image.")
	fmt.Fprintln(w, "# TYPE carts_build_info gauge")
	fmt.Fprintf(w, "carts_build_info{version=%q} 1\n", version)
}

// ---- client modes ---------------------------------------------------------------------------------

func getMain(args []string) int {
	fs := flag.NewFlagSet("carts get", flag.ContinueOnError)
	timeout := fs.Duration("timeout", 5*time.Second, "request timeout")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: carts get [-timeout 5s] URL")
		return 2
	}
	c := &http.Client{Timeout: *timeout}
	resp, err := c.Get(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer resp.Body.Close()
	_, _ = io.Copy(os.Stdout, resp.Body)
	fmt.Println()
	if resp.StatusCode/100 != 2 {
		fmt.Fprintln(os.Stderr, resp.Status)
		return 1
	}
	return 0
}

// loadMain sends GETs at a fixed rate, each on a new connection (as a fresh client would), and
// prints {"sent","ok","failed","versions":{...},"errors":{...},"maxMs"} as JSON.
func loadMain(args []string) int {
	fs := flag.NewFlagSet("carts load", flag.ContinueOnError)
	url := fs.String("url", "", "URL to GET")
	rate := fs.Float64("rate", 20, "requests per second")
	duration := fs.Duration("duration", 10*time.Second, "how long to send")
	timeout := fs.Duration("timeout", 2*time.Second, "per-request timeout")
	if err := fs.Parse(args); err != nil || *url == "" || *rate <= 0 {
		fmt.Fprintln(os.Stderr, "usage: carts load -url URL [-rate 20] [-duration 10s] [-timeout 2s]")
		return 2
	}
	c := &http.Client{Timeout: *timeout, Transport: &http.Transport{DisableKeepAlives: true}}
	var mu sync.Mutex
	var sent, ok, failed int
	var maxMs float64
	versions := map[string]int{}
	errs := map[string]int{}
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Duration(float64(time.Second) / *rate))
	defer tick.Stop()
	end := time.Now().Add(*duration)
	for now := range tick.C {
		if now.After(end) {
			break
		}
		sent++
		wg.Add(1)
		go func() {
			defer wg.Done()
			t0 := time.Now()
			resp, err := c.Get(*url)
			ms := float64(time.Since(t0)) / float64(time.Millisecond)
			mu.Lock()
			defer mu.Unlock()
			maxMs = math.Max(maxMs, ms)
			if err != nil {
				failed++
				errs[shortErr(err)]++
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode/100 != 2 {
				failed++
				errs[resp.Status]++
				return
			}
			ok++
			versions[resp.Header.Get("X-Carts-Version")]++
		}()
	}
	wg.Wait()
	b, _ := json.Marshal(map[string]any{"sent": sent, "ok": ok, "failed": failed, "versions": versions, "errors": errs, "maxMs": math.Round(maxMs)})
	fmt.Println(string(b))
	if failed > 0 {
		return 1
	}
	return 0
}

func shortErr(err error) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout"
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}
