// Types for register.mjs: importing it only registers the ws hook.
export {};
