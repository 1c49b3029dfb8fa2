//! `cargo bench -p op-api`: decoding, signing, and a full lookup against op-sim on
//! loopback beside the same POST made with bare reqwest, with their ratio printed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion};
use op_api::sign::{SignInput, SignRule, SignScheme};
use op_api::{build_signed_request, decode_response, ClientConfig, Credentials, OpClient, UserId};
use op_sim::{SimConfig, DEMO_CLIENT_ID, DEMO_SECRET, DEMO_TOKEN};

const EXAMPLE: &[u8] = include_bytes!("../tests/data/example-response.json");
const USER: &str = "u00012b2e588bd93843168dfb67ae12cc2ee9";

fn decoding(c: &mut Criterion) {
    c.bench_function("decode the spec's example", |b| b.iter(|| decode_response(black_box(EXAMPLE)).unwrap()));
}

fn signing(c: &mut Criterion) {
    let params: Vec<(String, String)> = [("apiVersion", "01"), ("client", DEMO_CLIENT_ID), ("token", DEMO_TOKEN)]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let body = format!(r#"{{"userId":"{USER}"}}"#);
    let url = format!(
        "http://127.0.0.1:8787/op/v2/getChatInfoByUserId?apiVersion=01&client={DEMO_CLIENT_ID}&token={DEMO_TOKEN}"
    );
    let input = SignInput {
        method: "POST",
        url: &url,
        path: "/op/v2/getChatInfoByUserId",
        params: &params,
        body: body.as_bytes(),
        secret: DEMO_SECRET,
    };
    let mut group = c.benchmark_group("sign");
    for scheme in [SignScheme::WechatV2, SignScheme::Alipay, SignScheme::Top, SignScheme::BodyMd5] {
        let rule = SignRule::preset(scheme);
        group.bench_function(rule.to_string(), |b| b.iter(|| rule.sign(black_box(&input)).unwrap()));
    }
    let template = SignRule::template("{method}{url}{body}{secret}");
    group.bench_function("template", |b| b.iter(|| template.sign(black_box(&input)).unwrap()));
    group.finish();
}

struct Loopback {
    runtime: tokio::runtime::Runtime,
    client: OpClient,
    bare: reqwest::Client,
    creds: Credentials,
    _sim: op_sim::SimHandle,
}

fn loopback() -> Loopback {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let sim = runtime.block_on(op_sim::spawn(SimConfig::demo(), 0)).unwrap();
    let client = OpClient::new(ClientConfig::new(&sim.base_url(), DEMO_CLIENT_ID).unwrap()).unwrap();
    Loopback {
        runtime,
        client,
        // After OpClient::new, which installed the crypto provider reqwest needs.
        bare: reqwest::Client::new(),
        creds: Credentials::new(DEMO_TOKEN, DEMO_SECRET),
        _sim: sim,
    }
}

impl Loopback {
    async fn op_api_lookup(&self) {
        self.client.chat_info(&self.creds, USER).await.unwrap();
    }

    /// The same signed POST with bare reqwest: send, read the body, nothing else.
    async fn bare_post(&self, url: &str, body: &[u8]) {
        let response =
            self.bare.post(url).header("content-type", op_api::CONTENT_TYPE).body(body.to_vec()).send().await.unwrap();
        black_box(response.bytes().await.unwrap());
    }
}

fn lookups(c: &mut Criterion) {
    let lb = loopback();
    let request = build_signed_request(lb.client.config(), &lb.creds, &UserId::parse(USER).unwrap()).unwrap();
    let mut group = c.benchmark_group("lookup over loopback");
    group.bench_function("op-api chat_info", |b| b.to_async(&lb.runtime).iter(|| lb.op_api_lookup()));
    group.bench_function("bare reqwest POST", |b| {
        b.to_async(&lb.runtime).iter(|| lb.bare_post(request.url(), request.body()))
    });
    group.finish();
}

/// Interleaved runs of both, so that both see the same machine state; prints the ratio.
fn print_ratio() {
    let lb = loopback();
    let request = build_signed_request(lb.client.config(), &lb.creds, &UserId::parse(USER).unwrap()).unwrap();
    let rounds = 2000;
    let (mut ours, mut bare) = (Duration::ZERO, Duration::ZERO);
    lb.runtime.block_on(async {
        for _ in 0..100 {
            lb.op_api_lookup().await;
            lb.bare_post(request.url(), request.body()).await;
        }
        for _ in 0..rounds {
            let start = Instant::now();
            lb.op_api_lookup().await;
            ours += start.elapsed();
            let start = Instant::now();
            lb.bare_post(request.url(), request.body()).await;
            bare += start.elapsed();
        }
    });
    let per = |d: Duration| d.as_secs_f64() * 1e6 / f64::from(rounds);
    println!(
        "\nlookup over loopback, {rounds} interleaved rounds: op-api {:.1} µs, bare reqwest {:.1} µs, ratio {:.2}×",
        per(ours),
        per(bare),
        per(ours) / per(bare)
    );
}

criterion_group!(benches, decoding, signing, lookups);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    print_ratio();
}
