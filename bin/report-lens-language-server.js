#!/usr/bin/env node
'use strict';
// Thin launcher for editors other than VS Code: `report-lens-language-server --stdio`.
require('../dist/server.js');
