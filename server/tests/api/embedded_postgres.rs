//! The README's run command needs no database: with DATABASE_URL unset the server starts a
//! private cluster from the machine's PostgreSQL binaries and stops it on shutdown.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("frontdesk-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The status code of `GET path`, or None when nothing answers yet.
fn http_status(port: u16, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply).ok()?;
    reply.split_whitespace().nth(1)?.parse().ok()
}

fn server(http_port: u16) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .env_remove("DATABASE_URL")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{http_port}"))
        .env("LEPTOS_OUTPUT_NAME", "frontdesk")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

#[test]
fn without_database_url_the_server_runs_its_own_cluster_and_stops_it_on_shutdown() {
    let data = scratch_dir("pg");
    let http_port = free_port();
    let mut child = server(http_port)
        .env("FRONTDESK_PG_DIR", &data)
        .env("FRONTDESK_DEMO_DATA", "true")
        .env("FRONTDESK_PG_PORT", free_port().to_string())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while http_status(http_port, "/readyz") != Some(200) {
        if let Some(status) = child.try_wait().unwrap() {
            let output = child.wait_with_output().unwrap();
            panic!(
                "server exited with {status}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "the server never became ready"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        data.join("PG_VERSION").exists(),
        "the cluster lives in the named directory"
    );
    assert!(
        data.join("postmaster.pid").exists(),
        "the cluster is running"
    );
    assert_eq!(
        http_status(http_port, "/workshops/1"),
        Some(200),
        "demo data was seeded, as asked"
    );

    Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Demo staff sign-in: email demo@frontdesk.test"),
        "{stdout}"
    );
    assert!(
        !data.join("postmaster.pid").exists(),
        "the cluster was stopped with the server"
    );
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn without_postgresql_binaries_the_server_says_which_package_to_install() {
    let empty = scratch_dir("no-bin");
    let output = server(free_port())
        .env("FRONTDESK_PUBLIC_URL", "https://frontdesk.example")
        .env("FRONTDESK_PG_BIN", &empty)
        .env("FRONTDESK_PG_DIR", empty.join("data"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("apt-get install -y postgresql"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one clear message: {stderr}");
    let _ = std::fs::remove_dir_all(&empty);
}

#[test]
fn a_production_server_without_its_public_address_refuses_to_start() {
    let output = server(free_port())
        .env_remove("FRONTDESK_PUBLIC_URL")
        .env("FRONTDESK_DEMO_DATA", "false")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("FRONTDESK_PUBLIC_URL must be set"),
        "{stderr}"
    );
}
