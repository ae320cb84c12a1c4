// Every test process loads the module registry first, as the app and the CLI do: the
// modules' message catalogues then join the platform's (src/modules/registry.ts).
import '../../src/modules/registry.ts';
