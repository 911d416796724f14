import ArgumentParser
import SwitchboardConsole
import SwitchboardEngine
import SwitchboardSimulator
print("bootstrap")
