print("kartograf")
