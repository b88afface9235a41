/**
 * Baseline (a): the ceiling of this machine for the webhook — a bare node:http server that reads the
 * body, verifies the HMAC over the raw bytes in constant time, parses the JSON and answers 202.
 * It stores nothing. Prints `{"port":N}` once listening on 127.0.0.1.
 */
import { accept, createBareRoute, listenOnLoopback } from './bare-route.js';

listenOnLoopback(createBareRoute(process.env.BENCH_SECRET ?? '', (_event, _text, res) => accept(res)));
