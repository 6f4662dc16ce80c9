print("tariffwatch")
