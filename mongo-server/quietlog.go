package main

import (
	"context"
	"log/slog"
	"strings"
)

// quietHandler moves FerretDB's per-connection chatter to the debug level, so the log at info shows
// start-up, shutdown and real problems only. FerretDB logs every connection start and stop at info,
// and dumps every error reply it sends to a client (an unknown command a driver probes for, a duplicate
// key) at warn; the client receives those errors anyway. Matching on message text is safe because the
// FerretDB version is pinned in go.mod.
type quietHandler struct {
	inner slog.Handler
}

func newQuietHandler(inner slog.Handler) slog.Handler {
	return &quietHandler{inner: inner}
}

func (h *quietHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.inner.Enabled(ctx, level)
}

func (h *quietHandler) Handle(ctx context.Context, r slog.Record) error {
	if isConnectionChatter(r) {
		r.Level = slog.LevelDebug
		if !h.inner.Enabled(ctx, r.Level) {
			return nil
		}
	}
	return h.inner.Handle(ctx, r)
}

func (h *quietHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &quietHandler{inner: h.inner.WithAttrs(attrs)}
}

func (h *quietHandler) WithGroup(name string) slog.Handler {
	return &quietHandler{inner: h.inner.WithGroup(name)}
}

// isConnectionChatter: connection open/close notices, and error replies to clients (warn). A reply that
// closes the connection is logged at error by FerretDB and stays visible.
func isConnectionChatter(r slog.Record) bool {
	switch {
	case r.Message == "Connection started" || r.Message == "Connection stopped":
		return true
	case r.Level == slog.LevelWarn && strings.HasPrefix(r.Message, "Response "):
		return true
	default:
		return false
	}
}
