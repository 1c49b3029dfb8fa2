import { mount } from "svelte";
import "../app.css";
import TrustedApp from "./TrustedApp.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("no #app element");
export default mount(TrustedApp, { target });
