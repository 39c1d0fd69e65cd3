// Command temporal-pf-init prepares the persistence of paymentflow's single-node Temporal
// server before the server starts, so `default` exists from the first second the frontend
// answers (no CLI, no register-then-wait-for-cache-refresh):
//
//   - SQLite (-db FILE): creates the temporal and visibility schemas and pre-registers the
//     namespaces directly in persistence. Idempotent and crash-safe: a new database is built in
//     a temporary file and renamed into place only when complete, so a kill during init never
//     leaves a half-made schema; an existing database only gets missing namespaces added and
//     its stale cluster membership cleared (see forgetMembers).
//   - PostgreSQL (-postgres HOST:PORT): the schemas are the server's own tool's job
//     (temporal-sql-tool, run by run.sh before this); here only the namespaces are registered
//     and stale members cleared, the same way. The password comes from the environment
//     (TEMPORAL_PF_POSTGRES_PASSWORD), never from the command line.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics"
	"go.temporal.io/server/common/persistence/sql"
	"go.temporal.io/server/common/persistence/sql/sqlplugin"
	_ "go.temporal.io/server/common/persistence/sql/sqlplugin/postgresql" // registers postgres12
	_ "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite"     // registers sqlite
	"go.temporal.io/server/common/resolver"
	sqliteschema "go.temporal.io/server/schema/sqlite"
	"google.golang.org/protobuf/types/known/durationpb"
)

func main() {
	dbFile := flag.String("db", "", "SQLite database file (created if missing)")
	postgres := flag.String("postgres", "", "PostgreSQL host:port instead of SQLite (schema set up by temporal-sql-tool)")
	postgresUser := flag.String("postgres-user", "", "PostgreSQL user (with -postgres)")
	postgresDB := flag.String("postgres-db", "", "PostgreSQL database of the temporal store (with -postgres)")
	namespaces := flag.String("namespaces", "default", "comma-separated namespaces to register")
	cluster := flag.String("cluster", "active", "cluster name; must equal clusterMetadata.currentClusterName")
	retention := flag.Duration("retention", 24*time.Hour, "workflow retention of the namespaces")
	flag.Parse()
	names := splitNames(*namespaces)
	var err error
	switch {
	case *dbFile != "" && *postgres != "":
		err = errors.New("-db and -postgres exclude each other")
	case *postgres != "" && (*postgresUser == "" || *postgresDB == ""):
		err = errors.New("-postgres needs -postgres-user and -postgres-db")
	case *postgres != "":
		cfg := postgresConfig(*postgres, *postgresUser, *postgresDB)
		err = prepareExisting(cfg, "PostgreSQL "+*postgres+"/"+*postgresDB, names, *cluster, *retention)
	case *dbFile != "":
		err = run(*dbFile, names, *cluster, *retention)
	default:
		err = errors.New("-db or -postgres is required")
	}
	if err != nil {
		fail(err)
	}
}

func postgresConfig(addr, user, database string) *config.SQL {
	return &config.SQL{
		PluginName:      "postgres12",
		ConnectAddr:     addr,
		ConnectProtocol: "tcp",
		User:            user,
		Password:        os.Getenv("TEMPORAL_PF_POSTGRES_PASSWORD"),
		DatabaseName:    database,
	}
}

func run(dbFile string, names []string, cluster string, retention time.Duration) error {
	dbFile, err := filepath.Abs(dbFile)
	if err != nil {
		return err
	}
	if _, err := os.Stat(dbFile); errors.Is(err, os.ErrNotExist) {
		return createDatabase(dbFile, names, cluster, retention)
	} else if err != nil {
		return err
	}
	// Existing database: same attributes as the server's config, so it stays in WAL mode.
	return prepareExisting(sqlConfig(dbFile, "wal"), dbFile, names, cluster, retention)
}

// prepareExisting readies a store whose schema is in place: stale members gone, namespaces there.
func prepareExisting(cfg *config.SQL, what string, names []string, cluster string, retention time.Duration) error {
	if err := forgetMembers(cfg); err != nil {
		return err
	}
	if err := registerNamespaces(cfg, names, cluster, retention); err != nil {
		return err
	}
	fmt.Printf("temporal-pf-init: %s ready, namespaces %v present\n", what, names)
	return nil
}

func createDatabase(dbFile string, names []string, cluster string, retention time.Duration) error {
	if err := os.MkdirAll(filepath.Dir(dbFile), 0o755); err != nil {
		return err
	}
	tmp := dbFile + ".init-tmp"
	for _, leftover := range []string{tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm"} {
		_ = os.Remove(leftover) // from an init killed earlier
	}
	// Rollback-journal mode while building: every commit lands in the one file we rename.
	cfg := sqlConfig(tmp, "delete")
	if err := sqliteschema.SetupSchema(cfg); err != nil {
		return fmt.Errorf("creating schema: %w", err)
	}
	if err := registerNamespaces(cfg, names, cluster, retention); err != nil {
		return err
	}
	if err := os.Rename(tmp, dbFile); err != nil {
		return err
	}
	if err := syncDir(filepath.Dir(dbFile)); err != nil {
		return err
	}
	fmt.Printf("temporal-pf-init: created %s with namespaces %v\n", dbFile, names)
	return nil
}

// forgetMembers deletes the membership rows of earlier server processes. This is a single
// node and run.sh holds the data dir's lock, so no row can belong to a live process; left in
// place, rows of a killed server that listened on other ports make ringpop spend its whole
// join timeout (30 s+) dialling dead addresses after a restart on a new base port.
func forgetMembers(cfg *config.SQL) error {
	db, err := sql.NewSQLAdminDB(sqlplugin.DbKindUnknown, cfg, resolver.NewNoopResolver(),
		log.NewNoopLogger(), metrics.NoopMetricsHandler)
	if err != nil {
		return fmt.Errorf("opening %s: %w", cfg.DatabaseName, err)
	}
	defer func() { _ = db.Close() }()
	if err := db.Exec("DELETE FROM cluster_membership"); err != nil {
		return fmt.Errorf("clearing stale cluster membership: %w", err)
	}
	return nil
}

// registerNamespaces uses schema/sqlite's helpers, whose names say SQLite but which write
// through the generic sqlplugin.DB of cfg's plugin: the same rows for postgres12.
func registerNamespaces(cfg *config.SQL, names []string, cluster string, retention time.Duration) error {
	for _, name := range names {
		ns, err := sqliteschema.NewNamespaceConfig(cluster, name, false, nil)
		if err != nil {
			return err
		}
		ns.Detail.Config.Retention = durationpb.New(retention)
		// No-op when a namespace with this name already exists.
		if err := sqliteschema.CreateNamespaces(cfg, ns); err != nil {
			return fmt.Errorf("registering namespace %q: %w", name, err)
		}
	}
	return nil
}

func sqlConfig(dbFile, journalMode string) *config.SQL {
	return &config.SQL{
		PluginName:   "sqlite",
		DatabaseName: dbFile,
		ConnectAttributes: map[string]string{
			"cache":        "private",
			"journal_mode": journalMode,
			"synchronous":  "2",
		},
	}
}

func splitNames(csv string) []string {
	var names []string
	for _, n := range strings.Split(csv, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "temporal-pf-init: %v\n", err)
	os.Exit(1)
}
