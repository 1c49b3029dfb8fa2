import { afterEach } from "vitest";
import { cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { setLang } from "../src/lib/i18n.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
  localStorage.clear();
  setLang("zh");
  delete (window as unknown as Record<string, unknown>).__opConsolePwned;
});
