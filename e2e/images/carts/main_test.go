package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func newTestServer(latency time.Duration, unready bool) *httptest.Server {
	return httptest.NewServer(&server{
		latency: latency, unready: unready,
		carts: map[string]map[string]item{}, order: map[string][]string{}, byStatus: map[int]int64{},
		metrics: newMetrics(),
	})
}

func do(t *testing.T, method, url, body string) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// The requests of examples/carts/jmeter/load.jmx, in order.
func TestCartsAPI(t *testing.T) {
	version = "0.8.1"
	s := newTestServer(0, false)
	defer s.Close()
	code, body, h := do(t, "POST", s.URL+"/carts/customer-1/items", `{"itemId":"a","unitPrice":99.99}`)
	if code != 201 || body != `{"itemId":"a","unitPrice":99.99,"quantity":1}` || h.Get("X-Carts-Version") != "0.8.1" {
		t.Fatalf("POST items: %d %s %v", code, body, h)
	}
	do(t, "POST", s.URL+"/carts/customer-1/items", `{"itemId":"a","unitPrice":99.99}`)
	if code, body, _ = do(t, "GET", s.URL+"/carts/customer-1", ""); code != 200 ||
		body != `{"customerId":"customer-1","items":[{"itemId":"a","unitPrice":99.99,"quantity":2}]}` {
		t.Fatalf("GET cart: %d %s", code, body)
	}
	if code, body, _ = do(t, "GET", s.URL+"/carts/customer-1/items", ""); code != 200 || !strings.HasPrefix(body, `[{"itemId":"a"`) {
		t.Fatalf("GET items: %d %s", code, body)
	}
	if code, _, _ = do(t, "POST", s.URL+"/carts/customer-1/items", `{not json`); code != 400 {
		t.Fatalf("bad JSON: %d", code)
	}
	if code, _, _ = do(t, "DELETE", s.URL+"/carts/customer-1", ""); code != 202 {
		t.Fatalf("DELETE: %d", code)
	}
	if _, body, _ = do(t, "GET", s.URL+"/carts/customer-1/items", ""); body != "[]" {
		t.Fatalf("after DELETE: %s", body)
	}
	if code, body, _ = do(t, "GET", s.URL+"/version", ""); code != 200 || body != `{"source":"image","version":"0.8.1"}` {
		t.Fatalf("version: %d %s", code, body)
	}
	if code, _, _ = do(t, "GET", s.URL+"/nope", ""); code != 404 {
		t.Fatalf("unknown path: %d", code)
	}
	code, body, h = do(t, "GET", s.URL+"/metrics", "")
	for _, want := range []string{
		`http_response_time_milliseconds_bucket{handler="ItemsController.addToCart",le="5"} 3`,
		`http_response_time_milliseconds_count{handler="CartsController.get"} 1`,
		`http_response_time_milliseconds_count{handler="CartsController.delete"} 1`,
		"requests_latency_seconds_count 8\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
	if code != 200 || h.Get("Content-Type") != "text/plain; version=0.0.4; charset=utf-8" {
		t.Errorf("metrics: %d %q", code, h.Get("Content-Type"))
	}
}

func TestBakedBehaviour(t *testing.T) {
	slow := newTestServer(200*time.Millisecond, false)
	defer slow.Close()
	t0 := time.Now()
	do(t, "GET", slow.URL+"/carts/x", "")
	if d := time.Since(t0); d < 200*time.Millisecond {
		t.Errorf("slow version answered in %s", d)
	}
	t0 = time.Now()
	if code, _, _ := do(t, "GET", slow.URL+"/health", ""); code != 200 || time.Since(t0) > 100*time.Millisecond {
		t.Errorf("health of the slow version: %d in %s (probes must stay fast)", code, time.Since(t0))
	}
	broken := newTestServer(0, true)
	defer broken.Close()
	if code, _, _ := do(t, "GET", broken.URL+"/health", ""); code != 503 {
		t.Errorf("unready version: /health %d", code)
	}
	if code, _, _ := do(t, "GET", broken.URL+"/carts/x", ""); code != 200 {
		t.Errorf("unready version still serves the API: %d", code)
	}
}
