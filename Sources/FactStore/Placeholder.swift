// FactStore: placeholder until its work lands.
