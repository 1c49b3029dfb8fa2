import { afterEach } from "vitest";
import { cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { setLang } from "../src/lib/i18n.svelte";
import { setKeymap } from "../src/lib/keymap.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
  localStorage.clear();
  setLang("zh");
  setKeymap(undefined);
  delete (window as unknown as Record<string, unknown>).__opConsolePwned;
});

// jsdom's Blob has no text() (WebKit's does): the import reads the picked file with it.
if (!Blob.prototype.text) {
  Blob.prototype.text = function (this: Blob) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
}

// jsdom has no layout, hence no ResizeObserver: this one reports each observed element
// once, with the clientWidth and clientHeight jsdom gives it (0 unless a test sets them).
if (!globalThis.ResizeObserver) {
  globalThis.ResizeObserver = class {
    readonly #callback: ResizeObserverCallback;
    constructor(callback: ResizeObserverCallback) {
      this.#callback = callback;
    }
    observe(target: Element): void {
      queueMicrotask(() => this.#callback([{ target } as ResizeObserverEntry], this));
    }
    unobserve(): void {}
    disconnect(): void {}
  };
}
