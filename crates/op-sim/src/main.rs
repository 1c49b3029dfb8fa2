//! `op-sim`: the simulated Op API as a program, for trying the console by hand.

use std::path::PathBuf;

use clap::Parser;
use op_api::sign::SignRule;
use op_sim::{SimConfig, SimUsers, DEMO_CLIENT_ID, DEMO_SECRET, DEMO_TOKEN};

/// Plays the Op API's getChatInfoByUserId on 127.0.0.1 (loopback only).
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// The port on 127.0.0.1 (0: any free port).
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// A users file like the built-in data/users.json.
    #[arg(long)]
    data: Option<PathBuf>,
    /// The accepted client id.
    #[arg(long, env = "OP_SIM_CLIENT", default_value = DEMO_CLIENT_ID)]
    client: String,
    /// The accepted token (prefer the environment variable: arguments are visible in `ps`).
    #[arg(long, env = "OP_SIM_TOKEN", default_value = DEMO_TOKEN, hide_default_value = true)]
    token: String,
    /// The signing secret (prefer the environment variable).
    #[arg(long, env = "OP_SIM_SECRET", default_value = DEMO_SECRET, hide_default_value = true)]
    secret: String,
    /// wechat-v2, alipay, top, body-md5, template:TEXT, or the rule's JSON.
    #[arg(long, default_value = "body-md5")]
    sign_rule: SignRule,
    /// The accepted apiVersion.
    #[arg(long, default_value = op_api::DEFAULT_API_VERSION)]
    api_version: String,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let args = Args::parse();
    let users = match &args.data {
        Some(path) => match SimUsers::from_file(path) {
            Ok(users) => users,
            Err(e) => {
                eprintln!("op-sim: {e}");
                return std::process::ExitCode::from(2);
            }
        },
        None => SimUsers::builtin(),
    };
    let config = SimConfig {
        client_id: args.client,
        token: args.token,
        secret: args.secret,
        sign_rule: args.sign_rule,
        api_version: args.api_version,
        users,
    };
    let handle = match op_sim::spawn(config, args.port).await {
        Ok(handle) => handle,
        Err(e) => {
            eprintln!("op-sim: cannot listen on 127.0.0.1:{}: {e}", args.port);
            return std::process::ExitCode::from(2);
        }
    };
    println!("op-sim: serving {} — Ctrl+C stops it", handle.base_url());
    let _ = tokio::signal::ctrl_c().await;
    handle.shutdown().await;
    std::process::ExitCode::SUCCESS
}
