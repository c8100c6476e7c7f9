//! The default database: a private PostgreSQL cluster started from the machine's own
//! PostgreSQL binaries, so the README's run command needs nothing else. Stopped on shutdown.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A running private cluster.
pub struct EmbeddedPostgres {
    bin_dir: PathBuf,
    data_dir: PathBuf,
    as_postgres_user: bool,
    pub url: String,
}

/// What to say when no PostgreSQL server binaries are installed.
pub const MISSING_BINARIES: &str = "PostgreSQL server binaries (initdb, pg_ctl) were not found. \
Install them with `apt-get install -y postgresql` (Debian/Ubuntu package `postgresql`), \
or set DATABASE_URL to a database you already have.";

/// Where `initdb` and `pg_ctl` are: `explicit` (from `FRONTDESK_PG_BIN`) when given, else the
/// newest `/usr/lib/postgresql/<version>/bin`, else the directory on PATH that has both.
pub fn find_bin_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    let has_both = |dir: &Path| dir.join("initdb").exists() && dir.join("pg_ctl").exists();
    if let Some(dir) = explicit {
        return has_both(dir).then(|| dir.to_path_buf());
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .find(|dir| has_both(dir))
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

impl EmbeddedPostgres {
    /// Initialises `data_dir` if needed and starts the cluster on 127.0.0.1:`port`.
    pub async fn start(
        bin_dir: Option<&Path>,
        data_dir: &Path,
        port: u16,
    ) -> Result<EmbeddedPostgres, String> {
        let bin_dir = find_bin_dir(bin_dir).ok_or_else(|| MISSING_BINARIES.to_owned())?;
        std::fs::create_dir_all(data_dir)
            .map_err(|e| format!("cannot create {}: {e}", data_dir.display()))?;
        let data_dir = data_dir.canonicalize().map_err(|e| e.to_string())?;
        // initdb refuses to run as root: hand the directory to the postgres user.
        let as_postgres_user = running_as_root();
        let pg = EmbeddedPostgres {
            url: format!("postgres://postgres@127.0.0.1:{port}/frontdesk"),
            bin_dir,
            data_dir,
            as_postgres_user,
        };
        if as_postgres_user {
            pg.run(
                Command::new("chown")
                    .args(["-R", "postgres:postgres"])
                    .arg(&pg.data_dir),
                false,
            )?;
        }
        if !pg.data_dir.join("PG_VERSION").exists() {
            tracing::info!(dir = %pg.data_dir.display(), "initialising a private PostgreSQL cluster");
            pg.run_pg("initdb", |c| {
                c.arg("-D").arg(&pg.data_dir).args([
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                ]);
            })?;
        }
        let options = format!(
            "-p {port} -c listen_addresses=127.0.0.1 -k {}",
            pg.data_dir.display()
        );
        // A cluster left running by a process that was killed is simply reused.
        let already_running = pg.run_pg("pg_ctl", |c| {
            c.arg("-D").arg(&pg.data_dir).arg("status");
        });
        if already_running.is_err() {
            pg.start_cluster(&options)?;
        }
        pg.create_database(port).await?;
        tracing::info!(dir = %pg.data_dir.display(), port, "private PostgreSQL cluster started");
        Ok(pg)
    }

    fn start_cluster(&self, options: &str) -> Result<(), String> {
        let pg = self;
        pg.run_pg("pg_ctl", |c| {
            c.arg("-D")
                .arg(&pg.data_dir)
                .arg("-l")
                .arg(pg.data_dir.join("server.log"));
            c.args(["-o", options, "-w", "start"]);
        })
    }

    async fn create_database(&self, port: u16) -> Result<(), String> {
        use sqlx::Connection;
        let admin = format!("postgres://postgres@127.0.0.1:{port}/postgres");
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .map_err(|e| e.to_string())?;
        let exists: bool = sqlx::query_scalar(
            "select exists (select 1 from pg_database where datname = 'frontdesk')",
        )
        .fetch_one(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
        if !exists {
            sqlx::query("create database frontdesk")
                .execute(&mut conn)
                .await
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// Stops the cluster (fast shutdown: open connections are closed).
    pub fn stop(&self) {
        let result = self.run_pg("pg_ctl", |c| {
            c.arg("-D")
                .arg(&self.data_dir)
                .args(["-m", "fast", "-w", "stop"]);
        });
        match result {
            Ok(()) => tracing::info!("private PostgreSQL cluster stopped"),
            Err(e) => tracing::error!(error = %e, "could not stop the private PostgreSQL cluster"),
        }
    }

    fn run_pg(&self, program: &str, args: impl FnOnce(&mut Command)) -> Result<(), String> {
        let binary = self.bin_dir.join(program);
        let mut command = if self.as_postgres_user {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(binary);
            c
        } else {
            Command::new(binary)
        };
        args(&mut command);
        self.run(&mut command, true)
    }

    fn run(&self, command: &mut Command, quiet: bool) -> Result<(), String> {
        let output = command.output().map_err(|e| format!("{command:?}: {e}"))?;
        if output.status.success() {
            if !quiet {
                tracing::debug!(?command, "ran");
            }
            Ok(())
        } else {
            Err(format!(
                "{command:?} failed: {}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }
}
