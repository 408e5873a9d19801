// One lint config for the whole tree. The boundaries between parts (docs/architecture.md) are enforced here.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";

const uiLibraries = [
  { name: "ink", message: "Rendering lives in src/ui/ only." },
  { name: "react", message: "Rendering lives in src/ui/ only." },
];
const uiPatterns = [{ group: ["ink-*", "@inkjs/*"], message: "Rendering lives in src/ui/ only." }];

/** A layer that renders nothing and may not import from `group`, for `message`'s reason. */
const noRenderingAnd = (group, message) => ({
  "no-restricted-imports": ["error", { paths: uiLibraries, patterns: [...uiPatterns, { group, message }] }],
});

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: "readonly", URL: "readonly", console: "readonly", Buffer: "readonly" },
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["src/engine/**", "src/aws/**", "src/report/**", "src/kit/**"],
    rules: noRenderingAnd(
      ["**/ui/**", "**/sandbox/**"],
      "The engine, AWS layer, reports and the kit know nothing of the UI or the sandbox.",
    ),
  },
  {
    // A lab (the built-in one, the fixture lab, any lab) imports genai-lab only through its kit.
    files: ["steps/**", "test/fixtures/fixture-lab/**"],
    rules: noRenderingAnd(
      ["**/src/**", "**/dist/**"],
      'A lab imports genai-lab only through its kit: import { … } from "genai-lab/kit".',
    ),
  },
  {
    // The TUI and the CLI share what both need through src/app: the TUI never imports the CLI.
    files: ["src/ui/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/cli/**", "**/cli.js"], message: "src/ui does not import src/cli: share through src/app." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**"],
    rules: noRenderingAnd(["**/cli/**", "**/cli.js", "**/ui/**"], "src/app sits below the CLI and the TUI."),
  },
  {
    files: ["src/sandbox/**"],
    rules: noRenderingAnd(
      ["**/engine/**", "**/ui/**", "**/steps/**", "**/report/**", "**/kit/**"],
      "The sandbox is a standalone AWS: it imports nothing of the lab runner.",
    ),
  },
  {
    files: ["test/**", "bench/**", "bin/**", "scripts/**"],
    rules: { "no-console": "off" },
  },
  prettier,
);
