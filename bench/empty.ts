// An empty module: what starting Node with the tsx loader costs by itself.
