import { flushSync, mount } from "svelte";
import "./app.css";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("no #app element");
const app = mount(App, { target });
// The components' onMount now, not in a later task: the start's first questions to the
// backend leave while the page is still being set up (bench/RESULTS.md, "Start").
flushSync();
export default app;
