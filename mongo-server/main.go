// Command mongodb-server is the local stack's MongoDB-compatible server: FerretDB v1 embedded through
// its embeddable package, storing data with its SQLite handler in one state folder.
//
// The embeddable package is used on purpose: a binary built with `go install .../cmd/ferretdb` panics at
// start because the generated build/version/version.txt is not part of the module.
//
// Telemetry is off and nothing here opens an outbound connection: the embeddable package never creates
// FerretDB's telemetry reporter (and New disables and locks telemetry), and no debug HTTP handler is
// started.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

const programName = "mongodb-server"

// options are the parsed command-line flags.
type options struct {
	listenAddr string
	stateDir   string
	logLevel   slog.Level
}

// usageError is a mistake in the command line: reported in one line, exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	os.Exit(run(os.Args[1:]))
}

// run returns the process exit status: 0 after a clean shutdown, 2 for a bad command line, 1 otherwise.
func run(args []string) int {
	opts, err := parseFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %s (see %s -h)\n", programName, err, programName)
		return 2
	}

	if err := serve(opts); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %s\n", programName, err)
		return 1
	}
	return 0
}

func parseFlags(args []string) (*options, error) {
	fs := flag.NewFlagSet(programName, flag.ContinueOnError)
	// The flag package's own error output is several lines; run prints one line instead.
	fs.SetOutput(io.Discard)
	listenAddr := fs.String("listen-addr", "127.0.0.1:27017", "TCP `host:port` to accept MongoDB wire protocol connections on")
	stateDir := fs.String("state-dir", "var/mongodb", "`folder` for the SQLite data files (created if missing)")
	logLevel := fs.String("log-level", "info", "log `level`: debug, info, warn or error")
	// The flag package calls Usage on every parse error; usage is printed only when asked for (-h).
	fs.Usage = func() {}

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(os.Stdout, "Usage: %s [flags]\n\nMongoDB-compatible server (FerretDB v1, SQLite storage).\n\nFlags:\n", programName)
			fs.SetOutput(os.Stdout)
			fs.PrintDefaults()
			return nil, err
		}
		return nil, usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return nil, usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}

	if err := checkListenAddr(*listenAddr); err != nil {
		return nil, err
	}
	if strings.TrimSpace(*stateDir) == "" {
		return nil, usageError{"--state-dir must not be empty"}
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return nil, usageError{fmt.Sprintf("invalid --log-level %q: use debug, info, warn or error", *logLevel)}
	}

	return &options{listenAddr: *listenAddr, stateDir: *stateDir, logLevel: level}, nil
}

// checkListenAddr rejects addresses that FerretDB would only report later with a less readable error.
func checkListenAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError{fmt.Sprintf("invalid --listen-addr %q: expected host:port, e.g. 127.0.0.1:27017", addr)}
	}
	if host == "" {
		return usageError{fmt.Sprintf("invalid --listen-addr %q: give the host, e.g. 127.0.0.1:%s", addr, port)}
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return usageError{fmt.Sprintf("invalid --listen-addr %q: port must be a number from 0 to 65535", addr)}
	}
	return nil
}

// serve runs FerretDB until SIGINT or SIGTERM, then closes connections and the SQLite databases.
func serve(opts *options) error {
	stateDir, err := filepath.Abs(opts.stateDir)
	if err != nil {
		return fmt.Errorf("cannot resolve --state-dir %q: %w", opts.stateDir, err)
	}
	if err := os.MkdirAll(stateDir, 0o755); err != nil {
		return fmt.Errorf("cannot create state folder: %w", err)
	}

	unlock, err := lockStateDir(stateDir)
	if err != nil {
		return err
	}
	defer unlock()

	// Checked before FerretDB opens its storage, so a taken port fails with one line and no log output.
	if err := checkPortFree(opts.listenAddr); err != nil {
		return err
	}

	logger := slog.New(newQuietHandler(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: opts.logLevel})))

	fdb, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: opts.listenAddr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL(stateDir),
	})
	if err != nil {
		return startError(opts.listenAddr, err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	logger.Info("MongoDB-compatible server started",
		slog.String("uri", fdb.MongoDBURI()), slog.String("state_dir", stateDir), slog.Int("pid", os.Getpid()))

	// Run returns once ctx is cancelled, after closing the listener, every connection and the backend.
	if err := fdb.Run(ctx); err != nil {
		return fmt.Errorf("server stopped with an error: %w", err)
	}
	logger.Info("MongoDB-compatible server stopped")
	return nil
}

// sqliteURL is the SQLite handler's URI for a folder: the handler requires the "file:" scheme and a
// trailing slash. Spaces and other special characters are percent-encoded by url.URL.
func sqliteURL(dir string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}
	return u.String()
}

// checkPortFree binds the address once and releases it. A listening socket without connections leaves
// nothing behind on close, so FerretDB can bind it again right after.
func checkPortFree(listenAddr string) error {
	l, err := net.Listen("tcp", listenAddr)
	if err != nil {
		return startError(listenAddr, err)
	}
	return l.Close()
}

// startError turns FerretDB's start-up error into one readable sentence. FerretDB formats the
// underlying error with %s, so the listener's errno is only recognisable in the text.
func startError(listenAddr string, err error) error {
	text := err.Error()
	switch {
	case strings.Contains(text, "address already in use"):
		return fmt.Errorf("cannot listen on %s: address already in use (another process holds the port)", listenAddr)
	case strings.Contains(text, "cannot assign requested address"):
		return fmt.Errorf("cannot listen on %s: the host is not an address of this machine", listenAddr)
	case strings.Contains(text, "no such host"):
		return fmt.Errorf("cannot listen on %s: unknown host", listenAddr)
	case strings.Contains(text, "permission denied") && strings.Contains(text, "listen"):
		return fmt.Errorf("cannot listen on %s: permission denied", listenAddr)
	default:
		return fmt.Errorf("cannot start: %s", text)
	}
}

// lockStateDir takes an exclusive lock on the state folder, so that two servers never write the same
// SQLite files (each would cache the other's metadata wrongly). The lock dies with the process.
func lockStateDir(dir string) (func(), error) {
	path := filepath.Join(dir, ".lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot open lock file: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("state folder %s is in use by another %s process", dir, programName)
		}
		return nil, fmt.Errorf("cannot lock state folder %s: %w", dir, err)
	}
	return func() { f.Close() }, nil
}
